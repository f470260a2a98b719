/// The three tables a task lives in: queued or running in the tasks table (`sosw_tasks`), waiting for a
/// retry in the retry table (`sosw_retry_tasks`), archived in the closed table (`sosw_closed_tasks`).
public enum SoswTaskTable: String, CaseIterable, Sendable, Hashable {
    case tasks
    case retry
    case closed
}
