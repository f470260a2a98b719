import SoswCore

/// The three tables a task lives in during its life: queued or running in `sosw_tasks`, waiting in
/// `sosw_retry_tasks`, closed in `sosw_closed_tasks`.
enum TaskTable: String, CaseIterable, Sendable {
    case tasks
    case retry
    case closed
}

/// Tells which of the task tables hold one task, looking up only that task: the invariant checks run at every
/// move, so they must not scan.
protocol TaskTableLookup: Sendable {
    func tables(holding taskID: String, labourerID: String) -> [TaskTable]
    /// Whether `table` holds the task; only for the tables keyed by task id alone (`tasks`, `closed`).
    func holds(_ taskID: String, in table: TaskTable) -> Bool
}

/// Looks tasks up in the run's in-memory DynamoDB, under the table names and keys of the TaskManager's
/// configuration.
struct InMemoryTaskTables: TaskTableLookup {
    let dynamoDB: InMemoryDynamoDB<SimClock>
    let config: TaskManagerConfig

    func tables(holding taskID: String, labourerID: String) -> [TaskTable] {
        let byTask: DynamoItem = [TaskRecord.Field.taskID: .s(taskID)]
        let byLabourer: DynamoItem = [TaskRecord.Field.labourerID: .s(labourerID), TaskRecord.Field.taskID: .s(taskID)]
        var held: [TaskTable] = []
        if dynamoDB.holdsItem(key: byTask, inTable: config.tasksTable) { held.append(.tasks) }
        if dynamoDB.holdsItem(key: byLabourer, inTable: config.retryTasksTable) { held.append(.retry) }
        if dynamoDB.holdsItem(key: byTask, inTable: config.closedTasksTable) { held.append(.closed) }
        return held
    }

    func holds(_ taskID: String, in table: TaskTable) -> Bool {
        let name = table == .closed ? config.closedTasksTable : config.tasksTable
        return dynamoDB.holdsItem(key: [TaskRecord.Field.taskID: .s(taskID)], inTable: name)
    }
}
