/// The greenfield states' queries (docs/architecture.md): each a Query on the greenfield index, reading every page.
extension TaskManager {
    /// Whether a query keeps tasks with `completed_at` set, without, or all.
    public enum CompletionFilter: Sendable {
        case any
        case completed
        case notCompleted

        var expression: String? {
            switch self {
            case .any: nil
            case .completed: "attribute_exists(#completed_at)"
            case .notCompleted: "attribute_not_exists(#completed_at)"
            }
        }
    }

    /// sosw's `get_next_for_labourer`: up to `count` queued tasks (`greenfield < start`), lowest greenfield
    /// first.
    public func nextTasks(for labourer: RegisteredLabourer, count: Int) async throws -> [TaskRecord] {
        guard count > 0 else { return [] }
        return try await tasks(labourerID: labourer.id, range: labourer.markers.queued, limit: count)
    }

    /// sosw's `get_invoked_tasks_for_labourer`: invoked at or after this run's start.
    public func invokedTasks(for labourer: RegisteredLabourer, filter: CompletionFilter = .any) async throws -> [TaskRecord] {
        try await tasks(labourerID: labourer.id, range: labourer.markers.invokedInThisRun, filter: filter)
    }

    /// sosw's `get_running_tasks_for_labourer`: invoked within `duration + cooldown`, not completed.
    public func runningTasks(for labourer: RegisteredLabourer) async throws -> [TaskRecord] {
        try await tasks(labourerID: labourer.id, range: labourer.markers.running, filter: .notCompleted)
    }

    /// sosw's `get_count_of_running_tasks_for_labourer`: the same set, counted (`Select=COUNT`, every page).
    public func countRunningTasks(for labourer: RegisteredLabourer) async throws -> Int {
        try await count(labourerID: labourer.id, range: labourer.markers.running, filter: .notCompleted)
    }

    /// sosw's `get_expired_tasks_for_labourer`: invoked between a delta and `duration + cooldown` ago, not
    /// completed; every attribute.
    public func expiredTasks(for labourer: RegisteredLabourer) async throws -> [TaskRecord] {
        try await tasks(labourerID: labourer.id, range: labourer.markers.expiredTasks, filter: .notCompleted)
    }

    /// sosw's `get_completed_tasks_for_labourer`: invoked within the last delta and marked completed.
    public func completedTasks(for labourer: RegisteredLabourer) async throws -> [TaskRecord] {
        try await tasks(
            labourerID: labourer.id, range: LabourerMarkers.completed(now: wallClock.currentTime()), filter: .completed)
    }

    /// sosw's `get_length_of_queue_for_labourer`: the number of queued tasks (`greenfield <= now`), counted
    /// over every page (sosw read only the first).
    public func queueLength(labourerID: String) async throws -> Int {
        try await count(labourerID: labourerID, range: LabourerMarkers.queue(now: wallClock.currentTime()), filter: .any)
    }

    /// sosw's `get_oldest_greenfield_for_labourer`: the head of the queue, or one step when it is empty.
    public func oldestQueuedGreenfield(labourerID: String) async throws -> Greenfield {
        try await queueEnd(labourerID: labourerID, newest: false) ?? greenfieldPolicy.emptyQueueGreenfield
    }

    /// sosw's `get_newest_greenfield_for_labourer`: the tail of the queue, or one step when it is empty.
    public func newestQueuedGreenfield(labourerID: String) async throws -> Greenfield {
        try await queueEnd(labourerID: labourerID, newest: true) ?? greenfieldPolicy.emptyQueueGreenfield
    }

    func newestQueuedGreenfieldIfAny(labourerID: String) async throws -> Greenfield? {
        try await queueEnd(labourerID: labourerID, newest: true)
    }

    func oldestQueuedGreenfieldIfAny(labourerID: String) async throws -> Greenfield? {
        try await queueEnd(labourerID: labourerID, newest: false)
    }

    private func queueEnd(labourerID: String, newest: Bool) async throws -> Greenfield? {
        var input = greenfieldQuery(
            labourerID: labourerID, range: LabourerMarkers.queue(now: wallClock.currentTime()), filter: .any)
        input.scanIndexForward = !newest
        input.limit = 1
        input.projectionExpression = "#greenfield"
        let items = try await queryAll(input, limit: 1)
        return try items.first.map { item in
            guard let number = item[TaskRecord.Field.greenfield]?.numberValue else {
                throw TaskRecordError.missingField(TaskRecord.Field.greenfield, item: item)
            }
            return Greenfield(TaskRecord.wholeNumber(number))
        }
    }

    func tasks(labourerID: String, range: GreenfieldRange, filter: CompletionFilter = .any, limit: Int? = nil)
        async throws -> [TaskRecord]
    {
        var input = greenfieldQuery(labourerID: labourerID, range: range, filter: filter)
        input.limit = limit
        return try await queryAll(input, limit: limit).map { try TaskRecord(item: $0) }
    }

    func count(labourerID: String, range: GreenfieldRange, filter: CompletionFilter) async throws -> Int {
        var input = greenfieldQuery(labourerID: labourerID, range: range, filter: filter)
        input.select = .count
        var total = 0
        var page: DynamoItem?
        repeat {
            input.exclusiveStartKey = page
            let output = try await dynamoDB.query(input)
            total += output.count
            page = output.lastEvaluatedKey
        } while page != nil
        return total
    }

    /// A Query on the greenfield index: `labourer_id = :labourer_id AND <range>`, ascending.
    func greenfieldQuery(labourerID: String, range: GreenfieldRange, filter: CompletionFilter) -> QueryInput {
        let (condition, numbers) = range.keyCondition(attribute: "#greenfield", valuePrefix: "greenfield")
        var values: DynamoItem = [":labourer_id": .s(labourerID)]
        for (placeholder, text) in numbers {
            values[placeholder] = .n((try? DynamoNumber(parsing: text)) ?? .zero)
        }
        var names = ["#labourer_id": TaskRecord.Field.labourerID, "#greenfield": TaskRecord.Field.greenfield]
        if filter.expression != nil { names["#completed_at"] = TaskRecord.Field.completedAt }
        return QueryInput(
            tableName: config.tasksTable, indexName: config.greenfieldIndex,
            keyConditionExpression: "#labourer_id = :labourer_id AND \(condition)",
            filterExpression: filter.expression, expressionAttributeNames: names,
            expressionAttributeValues: values, scanIndexForward: true)
    }

    /// Every item of a query, page after page, stopping once `limit` items are collected.
    func queryAll(_ input: QueryInput, limit: Int? = nil) async throws -> [DynamoItem] {
        var input = input
        var items: [DynamoItem] = []
        var page: DynamoItem?
        repeat {
            input.exclusiveStartKey = page
            if let limit { input.limit = limit - items.count }
            let output = try await dynamoDB.query(input)
            items += output.items ?? []
            page = output.lastEvaluatedKey
        } while page != nil && (limit.map { items.count < $0 } ?? true)
        return items
    }
}
