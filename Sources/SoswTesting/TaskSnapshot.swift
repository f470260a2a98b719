import SoswCore

/// One task as a deployment's tables hold it at one virtual instant: its stored record, the table holding
/// it, and the state that record means at that instant.
public struct TaskSnapshot: Sendable, Hashable, CustomStringConvertible {
    public var record: TaskRecord
    public var table: SoswTaskTable
    public var state: TaskState

    public init(record: TaskRecord, table: SoswTaskTable, state: TaskState) {
        self.record = record
        self.table = table
        self.state = state
    }

    public var taskID: String { record.taskID }
    public var greenfield: Greenfield { record.greenfield }
    public var attempts: Int { record.attempts }

    /// For failure messages: `task t1 of worker_a: running in tasks (greenfield 1799136000, attempts 1)`.
    public var description: String {
        var facts = ["greenfield \(record.greenfield)", "attempts \(record.attempts)"]
        if let due = record.desiredLaunchTime { facts.append("desired_launch_time \(due)") }
        if let completed = record.completedAt { facts.append("completed_at \(completed)") }
        return "task \(record.taskID) of \(record.labourerID): \(state) in \(table) (\(facts.joined(separator: ", ")))"
    }
}
