/// Moving tasks between `sosw_tasks`, `sosw_retry_tasks` and `sosw_closed_tasks`, each move one
/// `TransactWriteItems` (sosw wrote, then deleted: a crash in between duplicated or lost the task;
/// docs/sosw-compatibility.md). Every move is conditioned on the task being as it was read, so two Scavengers, or a
/// worker completing a task while it is being retried, never double-move or lose it; a move that lost such a race
/// returns false.
extension TaskManager {
    /// sosw's `archive_task`: copies the task into `sosw_closed_tasks` with `closed_at` and
    /// `labourer_id_task_status` (`<id>_1` completed, `<id>_0` dead), and removes it from `sosw_tasks`.
    /// A dead task (`deadReason` given) also records why it died. The payload stays JSON (sosw wrote a
    /// Python repr there, which nothing reads back).
    public func archive(_ task: TaskRecord, deadReason: String? = nil) async throws -> Bool {
        let completed = task.completedAt != nil
        var closed = task
        closed.closedAt = wallClock.currentTime().wholeSeconds
        closed.otherAttributes[TaskRecord.Field.labourerTaskStatus] = .s("\(task.labourerID)_\(completed ? 1 : 0)")
        if !completed {
            closed.otherAttributes[TaskRecord.Field.deadReason] = .s(deadReason ?? "closed without completion")
        }
        let condition = completed
            ? ConditionOnTask(expression: "attribute_exists(#completed_at)", names: ["#completed_at": TaskRecord.Field.completedAt])
            : ConditionOnTask.unchanged(task)
        let moved = try await transact([
            TransactWriteItem(put: TransactPut(tableName: config.closedTasksTable, item: closed.item)),
            TransactWriteItem(delete: TransactDelete(
                tableName: config.tasksTable, key: task.key, conditionExpression: condition.expression,
                expressionAttributeNames: condition.names, expressionAttributeValues: condition.values)),
        ])
        if moved {
            stats.increment(completed ? "archived_tasks" : "closed_dead_tasks")
            if !completed {
                await report(.dead(taskID: task.taskID, labourerID: task.labourerID, attempts: task.attempts))
            }
            await report(.archived(taskID: task.taskID, labourerID: task.labourerID, outcome: completed ? .completed : .dead))
        } else {
            stats.increment("archive_skipped_changed_tasks")
        }
        return moved
    }

    /// sosw's `move_task_to_retry_table`: the task, with every attribute it has, waits in `sosw_retry_tasks`
    /// until `desired_launch_time = int(now) + delay`.
    public func moveToRetry(_ task: TaskRecord, delay: Duration) async throws -> Bool {
        var waiting = task
        waiting.desiredLaunchTime = wallClock.currentTime().wholeSeconds + delay.components.seconds
        let condition = ConditionOnTask.unchanged(task)
        let moved = try await transact([
            TransactWriteItem(put: TransactPut(tableName: config.retryTasksTable, item: waiting.item)),
            TransactWriteItem(delete: TransactDelete(
                tableName: config.tasksTable, key: task.key, conditionExpression: condition.expression,
                expressionAttributeNames: condition.names, expressionAttributeValues: condition.values)),
        ])
        stats.increment(moved ? "scheduled_for_retry_later_tasks" : "retry_skipped_changed_tasks")
        if moved, let retryAt = waiting.desiredLaunchTime {
            await report(.retryScheduled(taskID: task.taskID, labourerID: task.labourerID, retryAt: retryAt))
        }
        return moved
    }

    /// sosw's `get_tasks_to_retry_for_labourer`: tasks whose `desired_launch_time <= start`, earliest first,
    /// with every attribute (sosw kept only the row-mapper fields; docs/sosw-compatibility.md).
    public func tasksDueForRetry(for labourer: RegisteredLabourer, limit: Int?) async throws -> [TaskRecord] {
        let input = QueryInput(
            tableName: config.retryTasksTable, indexName: config.retryTasksIndex,
            keyConditionExpression: "#labourer_id = :labourer_id AND #desired_launch_time <= :start",
            expressionAttributeNames: [
                "#labourer_id": TaskRecord.Field.labourerID, "#desired_launch_time": TaskRecord.Field.desiredLaunchTime,
            ],
            expressionAttributeValues: [
                ":labourer_id": .s(labourer.id), ":start": .n(DynamoNumber(labourer.markers.start.rawValue)),
            ],
            limit: limit, scanIndexForward: true)
        return try await queryAll(input, limit: limit).map { try TaskRecord(item: $0) }
    }

    /// sosw's `retry_tasks` + `retry_task`: puts the tasks back at the head of the queue, the k-th at
    /// `oldest − k`, each with one transaction (Put into `sosw_tasks`, Delete from `sosw_retry_tasks`).
    /// `attempts` is kept, so `max_attempts` bounds the invocations of a task across retries.
    /// Returns how many moved.
    public func retry(_ tasks: [TaskRecord], for labourer: RegisteredLabourer) async throws -> Int {
        guard !tasks.isEmpty else { return 0 }
        let oldest = try await oldestQueuedGreenfieldIfAny(labourerID: labourer.id)
        var moved = 0
        for (task, greenfield) in zip(tasks, greenfieldPolicy.retried(count: tasks.count, aheadOf: oldest)) {
            try TaskManagerError.check(task, belongsTo: labourer)
            var queued = task
            queued.desiredLaunchTime = nil
            queued.greenfield = greenfield
            if try await requeue(queued, from: config.retryTasksTable, key: task.retryKey) {
                moved += 1
                await report(.requeued(taskID: task.taskID, labourerID: labourer.id))
            }
        }
        stats.increment("due_for_retry_tasks", by: moved)
        return moved
    }

    /// Moves the dead tasks of a labourer (closed without completion, optionally only those closed within
    /// `closedWithin`, at most `limit` of them, the earliest closed first) back to the tail of the queue with
    /// `attempts` reset to 0 and the closing fields removed. Returns how many moved. Not in sosw, where a dead
    /// task stayed dead.
    public func redriveDeadTasks(
        labourerID: String, closedWithin: ClosedRange<UnixTime>? = nil, limit: Int? = nil
    ) async throws -> Int {
        var keyCondition = "#status = :status"
        var values: DynamoItem = [":status": .s("\(labourerID)_0")]
        var names = ["#status": TaskRecord.Field.labourerTaskStatus]
        if let closedWithin {
            keyCondition += " AND #closed_at BETWEEN :from AND :to"
            names["#closed_at"] = TaskRecord.Field.closedAt
            values[":from"] = .n(DynamoNumber(closedWithin.lowerBound.wholeSeconds))
            values[":to"] = .n(DynamoNumber(closedWithin.upperBound.wholeSeconds))
        }
        let keys = try await queryAll(QueryInput(
            tableName: config.closedTasksTable, indexName: config.closedTasksStatusIndex,
            keyConditionExpression: keyCondition, projectionExpression: "#task_id",
            expressionAttributeNames: names.merging(["#task_id": TaskRecord.Field.taskID]) { $1 },
            expressionAttributeValues: values, limit: limit, scanIndexForward: true), limit: limit)
        // The status index projects only a few attributes; the whole items come from the table, 100 a request.
        let reader = BatchReader(dynamoDB: dynamoDB, clock: writer.clock, random: writer.random, logger: logger)
        let dead = try await reader.get(
            keys.compactMap { key in key[TaskRecord.Field.taskID].map { [TaskRecord.Field.taskID: $0] } },
            from: config.closedTasksTable
        ).map { try TaskRecord(item: $0) }
        guard !dead.isEmpty else { return 0 }
        let newest = try await newestQueuedGreenfieldIfAny(labourerID: labourerID)
        var moved = 0
        for (task, greenfield) in zip(dead, greenfieldPolicy.queued(count: dead.count, behind: newest)) {
            var queued = task
            queued.greenfield = greenfield
            queued.attempts = 0
            queued.closedAt = nil
            queued.completedAt = nil
            queued.otherAttributes[TaskRecord.Field.labourerTaskStatus] = nil
            queued.otherAttributes[TaskRecord.Field.deadReason] = nil
            if try await requeue(queued, from: config.closedTasksTable, key: task.key) { moved += 1 }
        }
        stats.increment("redriven_tasks", by: moved)
        return moved
    }

    /// Puts `queued` back into `sosw_tasks` and deletes it (at `key`) from `table`, as one transaction: only if
    /// it is not queued already and is still in `table`, so two Scavengers never requeue it twice.
    private func requeue(_ queued: TaskRecord, from table: String, key: DynamoItem) async throws -> Bool {
        try await transact([
            TransactWriteItem(put: TransactPut(
                tableName: config.tasksTable, item: queued.item,
                conditionExpression: "attribute_not_exists(#task_id)",
                expressionAttributeNames: ["#task_id": TaskRecord.Field.taskID])),
            TransactWriteItem(delete: TransactDelete(
                tableName: table, key: key,
                conditionExpression: "attribute_exists(#task_id)",
                expressionAttributeNames: ["#task_id": TaskRecord.Field.taskID])),
        ])
    }

    /// Runs one transaction; false when a condition failed (the task changed since it was read).
    func transact(_ actions: [TransactWriteItem]) async throws -> Bool {
        do {
            _ = try await dynamoDB.transactWriteItems(TransactWriteItemsInput(transactItems: actions))
            return true
        } catch let error as DynamoDBError where error.code == .transactionCanceled
            && (error.cancellationReasons ?? []).contains(where: { $0.code == "ConditionalCheckFailed" })
        {
            return false
        }
    }
}

/// A condition that the task in `sosw_tasks` is as it was read.
struct ConditionOnTask {
    var expression: String
    var names: [String: String]
    var values: DynamoItem?

    /// Same greenfield (not re-invoked or requeued) and still not completed.
    static func unchanged(_ task: TaskRecord) -> ConditionOnTask {
        ConditionOnTask(
            expression: "#greenfield = :read_greenfield AND attribute_not_exists(#completed_at)",
            names: ["#greenfield": TaskRecord.Field.greenfield, "#completed_at": TaskRecord.Field.completedAt],
            values: [":read_greenfield": .n(DynamoNumber(task.greenfield.rawValue))])
    }
}
