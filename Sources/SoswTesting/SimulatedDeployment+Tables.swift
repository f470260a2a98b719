import SoswCore
import SoswSimulation

/// Reading the deployment's tables straight from the fake, at the current virtual instant: none of these
/// reads is counted in ``SimulatedDeployment/calls`` or seen by the essentials.
extension SimulatedDeployment {
    /// The name of `table` in this deployment's configuration.
    public func name(of table: SoswTaskTable) -> String {
        switch table {
        case .tasks: configuration.taskManager.tasksTable
        case .retry: configuration.taskManager.retryTasksTable
        case .closed: configuration.taskManager.closedTasksTable
        }
    }

    /// Every item of the table named `table`, every page.
    public func items(in table: String) async throws -> [DynamoItem] {
        var items: [DynamoItem] = []
        var page: DynamoItem?
        repeat {
            let output = try await dynamoDB.scan(ScanInput(tableName: table, exclusiveStartKey: page))
            items += output.items ?? []
            page = output.lastEvaluatedKey
        } while page != nil
        return items
    }

    /// The stored item of task `taskID` in the table named `table` (keyed by task id: the tasks or closed table).
    public func item(_ taskID: String, in table: String) async throws -> DynamoItem? {
        try await dynamoDB.getItem(GetItemInput(tableName: table, key: [TaskRecord.Field.taskID: .s(taskID)])).item
    }

    /// The stored item of task `taskID` of `labourerID` in the retry table.
    public func retryItem(_ labourerID: String, _ taskID: String) async throws -> DynamoItem? {
        try await dynamoDB.getItem(GetItemInput(
            tableName: name(of: .retry),
            key: [TaskRecord.Field.labourerID: .s(labourerID), TaskRecord.Field.taskID: .s(taskID)])).item
    }

    /// Writes `item` into the tasks table as another writer (Python sosw, an operator) would: not counted,
    /// no event reported.
    public func put(_ item: DynamoItem) async throws {
        _ = try await dynamoDB.putItem(PutItemInput(tableName: name(of: .tasks), item: item))
    }

    /// Every task of `labourerID` in the three tables, with the state each is in now, ordered by table
    /// (tasks, retry, closed), then greenfield, then task id.
    /// - Throws: ``SimulatedDeploymentError/unknownLabourer(_:known:)``; `TaskRecordError` for an item
    ///   that is not a task.
    public func tasks(of labourerID: String) async throws -> [TaskSnapshot] {
        let labourer = try registered(labourerID)
        var snapshots: [TaskSnapshot] = []
        for table in SoswTaskTable.allCases {
            let records = try await items(in: name(of: table))
                .filter { $0[TaskRecord.Field.labourerID]?.stringValue == labourerID }
                .map { item throws(TaskRecordError) in try TaskRecord(item: item) }
                .sorted { ($0.greenfield, $0.taskID) < ($1.greenfield, $1.taskID) }
            snapshots += records.map { TaskSnapshot(record: $0, table: table, state: TaskState($0, in: table, labourer: labourer)) }
        }
        return snapshots
    }

    /// Task `taskID` wherever it is now, or nil when no table holds it. A task held by two tables (which the
    /// essentials never leave behind) reads from the first of tasks, retry, closed.
    public func task(_ taskID: String) async throws -> TaskSnapshot? {
        for table in SoswTaskTable.allCases {
            let item: DynamoItem?
            if table == .retry {
                item = try await items(in: name(of: .retry)).first { $0[TaskRecord.Field.taskID]?.stringValue == taskID }
            } else {
                item = try await self.item(taskID, in: name(of: table))
            }
            guard let item else { continue }
            let record = try TaskRecord(item: item)
            return TaskSnapshot(
                record: record, table: table, state: TaskState(record, in: table, labourer: try registered(record.labourerID)))
        }
        return nil
    }

    /// How many of `labourerID`'s tasks are in each state now (states with none left out).
    public func stateCounts(of labourerID: String) async throws -> [TaskState: Int] {
        try await tasks(of: labourerID).reduce(into: [:]) { counts, task in counts[task.state, default: 0] += 1 }
    }
}
