import Logging

/// sosw's MetaHandler: the optional audit trail of every move of a task, one row per move in
/// `sosw_tasks_meta` (`task_id`, `created_at` as float seconds, `action`, the move's own fields such as
/// `labourer_id`, and who moved it: `author`, `invocation_id`, `log_stream_name` from ``MetaContext``).
///
/// Rows are written with sosw's conditional put (`attribute_not_exists(<hash_key>)`), so a row is never
/// overwritten. The trail never fails the work it records: the move has already happened when its row is
/// posted, so a missing table (sosw's case of a trail configured but not deployed) logs the row instead, and
/// any other failure is logged and counted.
public struct MetaHandler: Sendable {
    public let config: MetaHandlerConfig
    let dynamoDB: any DynamoDB
    let wallClock: any WallClock
    let logger: Logger
    /// `meta_rows_written`, `meta_rows_logged` (table missing or writing off), `meta_rows_refused` (a row with
    /// the same key existed), `meta_post_failures`.
    public let stats: StatsCounter

    public init(
        config: MetaHandlerConfig, dynamoDB: any DynamoDB, wallClock: any WallClock, logger: Logger = .sosw,
        stats: StatsCounter = StatsCounter()
    ) {
        self.config = config
        self.dynamoDB = dynamoDB
        self.wallClock = wallClock
        self.logger = logger
        self.stats = stats
    }

    /// Writes one row, stamped with the wall clock's time and the current ``MetaContext``.
    /// - Parameter fields: the move's own string fields (sosw's keyword arguments), e.g. `labourer_id`;
    ///   `author`, `invocation_id` and `log_stream_name` always come from the context, as in sosw.
    public func post(taskID: String, action: MetaAction, fields: [String: String] = [:]) async {
        let row = row(taskID: taskID, action: action, fields: fields)
        guard config.writesToDynamoDB else {
            stats.increment("meta_rows_logged")
            logger.info("meta: writing to DynamoDB is off (write_meta_to_ddb); row \(Self.text(row))")
            return
        }
        do {
            _ = try await dynamoDB.putItem(PutItemInput(
                tableName: config.tableName, item: row, conditionExpression: "attribute_not_exists(#hash_key)",
                expressionAttributeNames: ["#hash_key": config.hashKey]))
            stats.increment("meta_rows_written")
        } catch let error as DynamoDBError where error.code == .resourceNotFound {
            stats.increment("meta_rows_logged")
            logger.info("meta: table \(config.tableName) does not exist; row \(Self.text(row))")
        } catch let error as DynamoDBError where error.code == .conditionalCheckFailed {
            stats.increment("meta_rows_refused")
            logger.warning("meta: \(config.tableName) already holds a row with the key of \(Self.text(row)); not overwritten")
        } catch {
            stats.increment("meta_post_failures")
            logger.error("meta: writing \(Self.text(row)) to \(config.tableName) failed: \(error)")
        }
    }

    /// The row sosw posts for a task event, if it posts one: `invoked`, `scheduled_for_retry`,
    /// `ready_for_retry`, `archived` and `archived_dead`, each with `labourer_id`, and `marked_as_completed`
    /// without. (`created` is posted by the Scheduler, which alone posts it in sosw; an expiry has no row.)
    public func post(_ event: TaskEvent) async {
        switch event {
        case .invoked(let taskID, let labourerID, _):
            await post(taskID: taskID, action: .invoked, fields: ["labourer_id": labourerID])
        case .retryScheduled(let taskID, let labourerID, _):
            await post(taskID: taskID, action: .scheduledForRetry, fields: ["labourer_id": labourerID])
        case .requeued(let taskID, let labourerID):
            await post(taskID: taskID, action: .readyForRetry, fields: ["labourer_id": labourerID])
        case .archived(let taskID, let labourerID, let outcome):
            await post(
                taskID: taskID, action: outcome == .completed ? .archived : .archivedDead, fields: ["labourer_id": labourerID])
        case .completed(let taskID):
            await post(taskID: taskID, action: .markedAsCompleted)
        case .created, .expired, .dead:
            return
        }
    }

    /// The item: sosw's attribute names, `created_at` a number with microseconds like Python's `time.time()`.
    func row(taskID: String, action: MetaAction, fields: [String: String]) -> DynamoItem {
        var row: DynamoItem = [:]
        for (name, value) in fields { row[name] = .s(value) }
        row[config.hashKey] = .s(taskID)
        row[MetaHandlerConfig.rangeKey] = .n(TaskRecord.createdAt(wallClock.currentTime()))
        row["action"] = .s(action.rawValue)
        if let context = MetaContext.current {
            row["author"] = .s(context.author)
            if let invocationID = context.invocationID { row["invocation_id"] = .s(invocationID) }
            if let logStreamName = context.logStreamName { row["log_stream_name"] = .s(logStreamName) }
        }
        return row
    }

    /// A row for the log, attributes sorted by name.
    static func text(_ row: DynamoItem) -> String {
        row.keys.sorted().map { name in
            let value = row[name]!
            return "\(name)=\(value.stringValue ?? value.numberValue?.text ?? value.typeName)"
        }.joined(separator: " ")
    }
}
