/// What happened to a task, in the words sosw 0.7's essentials and workers write to the `action` attribute of
/// the audit trail, so a trail written by Python and Swift essentials reads as one.
public enum MetaAction: String, CaseIterable, Hashable, Sendable {
    /// The Scheduler wrote the task (with the `labourer` field, as sosw names it there).
    case created
    /// The Orchestrator marked the task invoked and Lambda accepted the worker's event.
    case invoked
    /// The Scavenger archived a completed task.
    case archived
    /// The Scavenger closed a task out of attempts.
    case archivedDead = "archived_dead"
    /// The Scavenger moved an expired task to the retry table.
    case scheduledForRetry = "scheduled_for_retry"
    /// The Scavenger put a retried task back at the head of the queue.
    case readyForRetry = "ready_for_retry"
    /// The WorkerAssistant recorded a worker's completion.
    case markedAsCompleted = "marked_as_completed"
    /// The WorkerAssistant recorded a worker's failure.
    case markedAsFailed = "marked_as_failed"
    /// A worker reported its task completed to the WorkerAssistant.
    case completed
    /// A worker reported its task failed to the WorkerAssistant.
    case failed
}
