/// A change in a task's life, as the essentials make it: what a simulation logs (`task.created`,
/// `task.invoked`, …, the names `events.jsonl` uses) and what production could count.
public enum TaskEvent: Hashable, Sendable {
    /// How a task left `sosw_tasks` for `sosw_closed_tasks`.
    public enum ArchiveOutcome: String, Hashable, Sendable {
        case completed
        case dead
    }

    /// Written to `sosw_tasks`, queued.
    case created(taskID: String, labourerID: String)
    /// Marked invoked and accepted by Lambda; `attempt` is the task's `attempts` after the mark (1 the first time).
    case invoked(taskID: String, labourerID: String, attempt: Int)
    /// The WorkerAssistant recorded the worker's completion. Workers report only the task id.
    case completed(taskID: String)
    /// The Scavenger found the task past its expiry window without a completion.
    case expired(taskID: String, labourerID: String, attempts: Int)
    /// Moved to `sosw_retry_tasks`, to be queued again at `retryAt` (Unix seconds).
    case retryScheduled(taskID: String, labourerID: String, retryAt: Int64)
    /// Put back at the head of the queue from `sosw_retry_tasks`.
    case requeued(taskID: String, labourerID: String)
    /// Closed without completion, out of attempts.
    case dead(taskID: String, labourerID: String, attempts: Int)
    /// Moved to `sosw_closed_tasks`.
    case archived(taskID: String, labourerID: String, outcome: ArchiveOutcome)
}
