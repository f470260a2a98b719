import Logging
import Synchronization

/// All task persistence of sosw: creating tasks, finding them in each state of the greenfield machine,
/// invoking them, and moving them between `sosw_tasks`, `sosw_retry_tasks` and `sosw_closed_tasks`.
///
/// Keeps sosw's tables, field types, greenfield values and the invoke condition exactly, so a Python
/// Orchestrator can share the tables. Differs where sosw is wrong or wasteful: moves are single transactions,
/// payloads are checked before a task is marked, retried tasks keep every attribute, queries and counts read
/// every page, and `GetFunctionConfiguration` is cached per labourer.
public final class TaskManager: Sendable {
    public let config: TaskManagerConfig
    let dynamoDB: any DynamoDB
    let lambda: any Lambda
    let wallClock: any WallClock
    let ids: any IDSource
    let writer: BatchWriter
    let logger: Logger
    public let stats: StatsCounter
    /// Told of every task created, invoked, retried, requeued and archived (the Scavenger and the
    /// WorkerAssistant report theirs here too).
    public let observer: any TaskEventObserver
    /// The audit trail, posted at the same moves the observer hears of; nil when none is configured.
    public let meta: MetaHandler?
    /// How long a function's `Timeout` read from Lambda is trusted before it is read again.
    public let functionConfigurationTTL: Duration
    private let timeouts = Mutex<[String: (timeout: Duration, readAt: UnixTime)]>([:])

    /// - Parameters:
    ///   - clock, random: for the backoff of batch writes.
    ///   - functionConfigurationTTL: how long a labourer's Lambda `Timeout` is cached.
    public init(
        config: TaskManagerConfig, dynamoDB: any DynamoDB, lambda: any Lambda, clock: any Clock<Duration>,
        wallClock: any WallClock, random: any RandomSource, ids: any IDSource, logger: Logger = .sosw,
        stats: StatsCounter = StatsCounter(), functionConfigurationTTL: Duration = .seconds(600),
        observer: any TaskEventObserver = IgnoredTaskEvents(), meta: MetaHandler? = nil
    ) {
        self.config = config
        self.dynamoDB = dynamoDB
        self.lambda = lambda
        self.wallClock = wallClock
        self.ids = ids
        self.writer = BatchWriter(dynamoDB: dynamoDB, clock: clock, random: random, logger: logger)
        self.logger = logger
        self.stats = stats
        self.functionConfigurationTTL = functionConfigurationTTL
        self.observer = observer
        self.meta = meta
    }

    /// Tells the observer of a move that happened, then posts its row to the audit trail (when there is one).
    nonisolated(nonsending) func report(_ event: TaskEvent) async {
        observer.observe(event)
        if let meta { await meta.post(event) }
    }

    var greenfieldPolicy: GreenfieldPolicy { config.greenfield }

    // MARK: Registration

    /// The configured labourers with this run's markers, computed from one reading of the clock.
    /// Health, `max_duration` and the average duration are not computed here: each is read when, and only if,
    /// an essential needs it (sosw computed all of them, twice, on every run).
    public func registerLabourers() -> [RegisteredLabourer] {
        let now = wallClock.currentTime()
        return config.labourers.map { RegisteredLabourer(labourer: $0, registeredAt: now, policy: greenfieldPolicy) }
    }

    /// The labourer's `max_duration`: its configured value, else the function's `Timeout` from
    /// `GetFunctionConfiguration`, cached for ``functionConfigurationTTL``.
    public func maxDuration(of labourer: Labourer) async throws -> Duration {
        if let configured = labourer.maxDuration { return configured }
        let now = wallClock.currentTime()
        if let cached = timeouts.withLock({ $0[labourer.id] }), now - cached.readAt < functionConfigurationTTL {
            return cached.timeout
        }
        let configuration = try await lambda.getFunctionConfiguration(GetFunctionConfigurationInput(functionName: labourer.arn))
        guard let seconds = configuration.timeout else {
            throw TaskManagerError.noTimeout(function: labourer.arn)
        }
        let timeout = Duration.seconds(seconds)
        timeouts.withLock { $0[labourer.id] = (timeout, now) }
        return timeout
    }

    // MARK: Creation

    /// sosw's `create_task`: one new task queued behind the newest one (one Query, one PutItem).
    public func createTask(labourerID: String, arguments: [String: JSONValue]) async throws -> TaskRecord {
        try await createTasks(labourerID: labourerID, arguments: [arguments])[0]
    }

    /// Creates tasks queued one after another, in order: one Query for the newest greenfield for the whole
    /// batch, then `BatchWriteItem` (unprocessed items retried with backoff). The observer hears of each task
    /// as soon as the request that wrote it succeeded, so a large batch is not reported as created all at once
    /// at the end, and tasks already written are reported even if a later request fails.
    public func createTasks(labourerID: String, arguments: [[String: JSONValue]]) async throws -> [TaskRecord] {
        guard !arguments.isEmpty else { return [] }
        let payloads = try arguments.map { try TaskPayload.construct(from: $0, labourerID: labourerID) }
        let newest = try await newestQueuedGreenfieldIfAny(labourerID: labourerID)
        let greenfields = greenfieldPolicy.queued(count: payloads.count, behind: newest)
        let now = wallClock.currentTime()
        let tasks = zip(payloads, greenfields).map { payload, greenfield in
            TaskRecord(
                taskID: ids.nextID(), labourerID: labourerID, createdAt: TaskRecord.createdAt(now),
                greenfield: greenfield, attempts: 0, payload: .object(payload))
        }
        let observer = self.observer
        let reportCreated = { (written: Range<Int>) in
            for task in tasks[written] {
                observer.observe(.created(taskID: task.taskID, labourerID: labourerID))
            }
        }
        if tasks.count == 1 {
            _ = try await dynamoDB.putItem(PutItemInput(tableName: config.tasksTable, item: tasks[0].item))
            reportCreated(tasks.indices)
        } else {
            try await writer.put(tasks.map(\.item), into: config.tasksTable, written: reportCreated)
        }
        stats.increment("created_tasks", by: tasks.count)
        return tasks
    }

    // MARK: Invocation

    /// sosw's `mark_task_invoked`, kept exactly: `greenfield = int(now) + delta`,
    /// `attempts = if_not_exists(attempts, 0) + 1`, on condition `greenfield < start`. Returns false when the
    /// condition failed (another Orchestrator took the task).
    public func markInvoked(_ task: TaskRecord, for labourer: RegisteredLabourer) async throws -> Bool {
        try await markInvokedAttempt(task, for: labourer) != nil
    }

    /// ``markInvoked(_:for:)`` returning the task's `attempts` after the mark as the table holds it (the read
    /// `task` may be stale), or nil when another Orchestrator took the task.
    func markInvokedAttempt(_ task: TaskRecord, for labourer: RegisteredLabourer) async throws -> Int? {
        try TaskManagerError.check(task, belongsTo: labourer)
        let invoked = greenfieldPolicy.invoked(at: wallClock.currentTime())
        do {
            let output = try await dynamoDB.updateItem(UpdateItemInput(
                tableName: config.tasksTable, key: task.key,
                updateExpression: "SET #greenfield = :greenfield, #attempts = if_not_exists(#attempts, :zero) + :attempts",
                conditionExpression: greenfieldPolicy.invokeCondition,
                expressionAttributeNames: ["#greenfield": TaskRecord.Field.greenfield, "#attempts": TaskRecord.Field.attempts],
                expressionAttributeValues: [
                    ":greenfield": .n(DynamoNumber(invoked.rawValue)), ":attempts": 1, ":zero": 0,
                    ":filter_greenfield": .n(DynamoNumber(labourer.markers.start.rawValue)),
                ],
                returnValues: .updatedNew))
            return output.attributes?[TaskRecord.Field.attempts]?.numberValue?.int64Value.map(Int.init) ?? task.attempts + 1
        } catch let error as DynamoDBError where error.code == .conditionalCheckFailed {
            return nil
        }
    }

    /// sosw's `invoke_task`: marks the task invoked, then sends the worker the event sosw sends, with an
    /// asynchronous `Invoke` to the labourer's function.
    public func invoke(_ task: TaskRecord, for labourer: RegisteredLabourer) async throws -> InvocationOutcome {
        guard let event = task.workerEvent else {
            stats.increment("invalid_tasks_skipped")
            logger.warning("task \(task.taskID) of \(labourer.id) has a payload that is not a JSON object; not invoked")
            return .skippedInvalidPayload
        }
        guard let attempt = try await markInvokedAttempt(task, for: labourer) else {
            stats.increment("concurrent_task_invocations_skipped")
            return .skippedConcurrent
        }
        do {
            _ = try await lambda.invoke(InvokeInput(functionName: labourer.labourer.arn, invocationType: .event, json: event))
        } catch {
            stats.increment("invoke_failures")
            logger.error("invoking \(labourer.labourer.arn) for task \(task.taskID) failed: \(error); it will expire and be retried")
            return .invokeFailed(String(describing: error))
        }
        stats.increment("invoked_tasks")
        await report(.invoked(taskID: task.taskID, labourerID: labourer.id, attempt: attempt))
        return .invoked
    }

    /// sosw's `get_task_by_id`: the whole item, read consistently; nil when there is none.
    public func task(id: String) async throws -> TaskRecord? {
        let output = try await dynamoDB.getItem(GetItemInput(
            tableName: config.tasksTable, key: [TaskRecord.Field.taskID: .s(id)], consistentRead: true))
        return try output.item.map { try TaskRecord(item: $0) }
    }
}

/// A TaskManager operation that cannot proceed.
public enum TaskManagerError: Error, Hashable, Sendable, CustomStringConvertible {
    case noTimeout(function: String)
    /// A task was handed to an operation for another labourer (its greenfield would be read against the wrong
    /// markers).
    case labourerMismatch(taskID: String, taskLabourer: String, labourer: String)

    public var description: String {
        switch self {
        case .noTimeout(let function):
            return "GetFunctionConfiguration of \(function) returned no Timeout; set `max_duration` on the labourer"
        case .labourerMismatch(let taskID, let taskLabourer, let labourer):
            return "task \(taskID) belongs to labourer \(taskLabourer), not \(labourer); pass each task with its own labourer"
        }
    }

    /// Throws ``labourerMismatch(taskID:taskLabourer:labourer:)`` unless `task` belongs to `labourer`.
    static func check(_ task: TaskRecord, belongsTo labourer: RegisteredLabourer) throws(TaskManagerError) {
        guard task.labourerID == labourer.id else {
            throw .labourerMismatch(taskID: task.taskID, taskLabourer: task.labourerID, labourer: labourer.id)
        }
    }
}
