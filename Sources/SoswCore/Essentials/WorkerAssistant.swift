import Logging

/// sosw's WorkerAssistant: records what workers report about their tasks, accepting the Python
/// Worker's payloads exactly.
///
/// Each update is conditioned on the task's existence: sosw's unconditional update created an orphan item
/// for a late completion of an archived task, or an unknown id (fixed here: docs/sosw-compatibility.md). Such a report
/// is counted and logged instead, and nothing is written.
public final class WorkerAssistant: Sendable {
    public let tasksTable: String
    let dynamoDB: any DynamoDB
    let wallClock: any WallClock
    let logger: Logger
    public let stats: StatsCounter
    /// Told of every completion recorded.
    public let observer: any TaskEventObserver
    /// The audit trail: `marked_as_completed` / `marked_as_failed` for every report recorded.
    public let meta: MetaHandler?

    public enum Outcome: String, Hashable, Sendable {
        case recorded
        /// The task is not in `sosw_tasks` (already archived, moved to retry, or never existed).
        case unknownTask = "unknown_task"

        /// `{"outcome": "recorded" | "unknown_task"}`: what an invocation prints.
        public var json: JSONValue {
            ["outcome": .string(rawValue)]
        }
    }

    public init(
        tasksTable: String = "sosw_tasks", dynamoDB: any DynamoDB, wallClock: any WallClock, logger: Logger = .sosw,
        stats: StatsCounter = StatsCounter(), observer: any TaskEventObserver = IgnoredTaskEvents(),
        meta: MetaHandler? = nil
    ) {
        self.observer = observer
        self.meta = meta
        self.tasksTable = tasksTable
        self.dynamoDB = dynamoDB
        self.wallClock = wallClock
        self.logger = logger
        self.stats = stats
    }

    /// One WorkerAssistant invocation. Throws ``WorkerAssistantError`` for a payload sosw rejects too.
    public func handle(event: JSONValue) async throws -> Outcome {
        try await record(try WorkerAssistantRequest(event: event))
    }

    /// `mark_task_as_completed`: `completed_at = int(now)`; `mark_task_as_failed`: `failed_attempts += 1`;
    /// both add `stat_<k>` / `result_<k>`.
    public func record(_ request: WorkerAssistantRequest) async throws -> Outcome {
        var names = ["#task_id": TaskRecord.Field.taskID]
        var values: DynamoItem = [:]
        var assignments: [String] = []
        switch request.action {
        case .markTaskAsCompleted:
            names["#completed_at"] = TaskRecord.Field.completedAt
            values[":completed_at"] = .n(DynamoNumber(wallClock.currentTime().wholeSeconds))
            assignments.append("#completed_at = :completed_at")
        case .markTaskAsFailed:
            names["#failed_attempts"] = TaskRecord.Field.failedAttempts
            values[":zero"] = 0
            values[":one"] = 1
            assignments.append("#failed_attempts = if_not_exists(#failed_attempts, :zero) + :one")
        }
        for (prefix, members) in [("stat", request.stats), ("result", request.result)] {
            for (index, key) in members.keys.sorted().enumerated() {
                let name = "#\(prefix)\(index)"
                let value = ":\(prefix)\(index)"
                names[name] = "\(prefix)_\(key)"
                values[value] = AttributeValue(soswValue: members[key]!)
                assignments.append("\(name) = \(value)")
            }
        }
        do {
            _ = try await dynamoDB.updateItem(UpdateItemInput(
                tableName: tasksTable, key: [TaskRecord.Field.taskID: .s(request.taskID)],
                updateExpression: "SET " + assignments.joined(separator: ", "),
                conditionExpression: "attribute_exists(#task_id)", expressionAttributeNames: names,
                expressionAttributeValues: values))
        } catch let error as DynamoDBError where error.code == .conditionalCheckFailed {
            stats.increment("reports_for_unknown_tasks")
            logger.warning(
                "\(request.action.rawValue) for task \(request.taskID), which is not in \(tasksTable) (already archived or retried, or never created); nothing written")
            return .unknownTask
        }
        stats.increment(request.action == .markTaskAsCompleted ? "completed_tasks" : "failed_tasks")
        if request.action == .markTaskAsCompleted {
            observer.observe(.completed(taskID: request.taskID))
        }
        if let meta {
            await meta.post(
                taskID: request.taskID, action: request.action == .markTaskAsCompleted ? .markedAsCompleted : .markedAsFailed)
        }
        return .recorded
    }
}
