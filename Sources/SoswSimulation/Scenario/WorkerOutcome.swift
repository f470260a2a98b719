/// How one execution of a simulated worker ends.
public enum WorkerOutcome: String, Sendable, Hashable, CaseIterable {
    /// The worker finishes and reports completion to the WorkerAssistant (`mark_task_as_completed`).
    case complete
    /// The worker raises: Lambda records a function error and retries the event up to `max_retry_attempts`.
    case fail
    /// The worker never returns: the function's timeout ends it (also a function error for Lambda).
    case hang
}
