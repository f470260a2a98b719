/// Whether a worker's outcome is drawn afresh for every execution or once per task.
public enum OutcomeScope: String, Sendable, Hashable, CaseIterable {
    /// Each execution draws its outcome: a failed task usually succeeds when retried.
    case invocation
    /// The outcome is drawn once per task and kept on every attempt: poison tasks that always fail or hang,
    /// which is what exercises `max_attempts` and dead tasks.
    case task
}
