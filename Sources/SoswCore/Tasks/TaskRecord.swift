/// One task as it is stored in `sosw_tasks` (and, with extra fields, in `sosw_retry_tasks` and
/// `sosw_closed_tasks`): sosw's row-mapper fields typed, everything else kept as stored.
///
/// Items written by Python sosw read back exactly: `payload` is a JSON-object string, numbers may be ints or
/// floats. Writing an item back (archive, retry, redrive) keeps every attribute it had, including the
/// `stat_*`, `result_*` and `failed_attempts` that sosw's retry round trip lost (fixed here:
/// docs/sosw-compatibility.md).
public struct TaskRecord: Hashable, Sendable {
    /// Stored attribute names. Not configurable yet (`field_names` is read but not applied): sosw itself
    /// hard-codes several of them.
    public enum Field {
        public static let taskID = "task_id"
        public static let labourerID = "labourer_id"
        public static let createdAt = "created_at"
        public static let greenfield = "greenfield"
        public static let attempts = "attempts"
        public static let payload = "payload"
        public static let completedAt = "completed_at"
        public static let closedAt = "closed_at"
        public static let desiredLaunchTime = "desired_launch_time"
        public static let arn = "arn"
        public static let failedAttempts = "failed_attempts"
        /// Closed rows: `"<labourer_id>_1"` when completed, `"_0"` when dead.
        public static let labourerTaskStatus = "labourer_id_task_status"
        /// Closed dead rows: why the task died (an addition; sosw recorded nothing).
        public static let deadReason = "dead_reason"
    }

    public var taskID: String
    public var labourerID: String
    /// `time.time()` at creation, kept as the stored decimal so a round trip changes no digit.
    public var createdAt: DynamoNumber
    public var greenfield: Greenfield
    public var attempts: Int
    /// The task's business data: a JSON object. A stored payload that is not a JSON object is kept as
    /// `.string(text)` so it can be archived untouched; such a task is never invoked.
    public var payload: JSONValue
    public var completedAt: Int64?
    public var closedAt: Int64?
    public var desiredLaunchTime: Int64?
    /// Every other stored attribute (`stat_*`, `result_*`, `failed_attempts`, `arn`, closed-row fields, …).
    public var otherAttributes: DynamoItem

    public init(
        taskID: String, labourerID: String, createdAt: DynamoNumber, greenfield: Greenfield, attempts: Int = 0,
        payload: JSONValue = [:], completedAt: Int64? = nil, closedAt: Int64? = nil,
        desiredLaunchTime: Int64? = nil, otherAttributes: DynamoItem = [:]
    ) {
        self.taskID = taskID
        self.labourerID = labourerID
        self.createdAt = createdAt
        self.greenfield = greenfield
        self.attempts = attempts
        self.payload = payload
        self.completedAt = completedAt
        self.closedAt = closedAt
        self.desiredLaunchTime = desiredLaunchTime
        self.otherAttributes = otherAttributes
    }

    /// `created_at` as Python writes it: `time.time()`, seconds with their fraction (`1719999999.25`), here
    /// the exact decimal of the time rather than its nearest double.
    public static func createdAt(_ time: UnixTime) -> DynamoNumber {
        (try? DynamoNumber(parsing: GreenfieldRange.Limit.time(time).numberText)) ?? DynamoNumber(time.wholeSeconds)
    }

    /// Whether the payload is a JSON object, i.e. the task can be turned into a worker event.
    public var hasValidPayload: Bool { payload.objectValue != nil }

    /// The event a worker is invoked with, as sosw sends it: the payload object with the stored row-mapper fields
    /// overlaid at the top level (`task_id`, `labourer_id`, `created_at` as a float, `greenfield` and `attempts` before
    /// this invocation, and `completed_at`, `closed_at`, `desired_launch_time`, `arn` when present). `nil` when
    /// the payload is not an object.
    public var workerEvent: JSONValue? {
        guard var event = payload.objectValue else { return nil }
        event[Field.taskID] = .string(taskID)
        event[Field.labourerID] = .string(labourerID)
        event[Field.createdAt] = .double(createdAt.doubleValue)
        event[Field.greenfield] = .int(greenfield.rawValue)
        event[Field.attempts] = .int(Int64(attempts))
        if let completedAt { event[Field.completedAt] = .int(completedAt) }
        if let closedAt { event[Field.closedAt] = .int(closedAt) }
        if let desiredLaunchTime { event[Field.desiredLaunchTime] = .int(desiredLaunchTime) }
        if let arn = otherAttributes[Field.arn]?.stringValue { event[Field.arn] = .string(arn) }
        return .object(event)
    }

    /// The stored item: typed row-mapper fields plus every other attribute as it was.
    public var item: DynamoItem {
        var item = otherAttributes
        item[Field.taskID] = .s(taskID)
        item[Field.labourerID] = .s(labourerID)
        item[Field.createdAt] = .n(createdAt)
        item[Field.greenfield] = .n(DynamoNumber(greenfield.rawValue))
        item[Field.attempts] = .n(DynamoNumber(attempts))
        switch payload {
        case .string(let text): item[Field.payload] = .s(text)
        default: item[Field.payload] = .s(payload.pythonDumps())
        }
        item[Field.completedAt] = completedAt.map { .n(DynamoNumber($0)) }
        item[Field.closedAt] = closedAt.map { .n(DynamoNumber($0)) }
        item[Field.desiredLaunchTime] = desiredLaunchTime.map { .n(DynamoNumber($0)) }
        return item
    }

    /// The primary key in `sosw_tasks` and `sosw_closed_tasks`.
    public var key: DynamoItem { [Field.taskID: .s(taskID)] }

    /// The primary key in `sosw_retry_tasks` (`labourer_id` + `task_id`).
    public var retryKey: DynamoItem { [Field.labourerID: .s(labourerID), Field.taskID: .s(taskID)] }

    /// Reads a stored item, tolerating what Python sosw writes: numbers as ints or floats (`2000.0`), a
    /// payload as a JSON string, a map, or absent.
    public init(item: DynamoItem) throws(TaskRecordError) {
        guard let taskID = item[Field.taskID]?.stringValue else { throw .missingField(Field.taskID, item: item) }
        guard let labourerID = item[Field.labourerID]?.stringValue else {
            throw .missingField(Field.labourerID, item: item)
        }
        guard let createdAt = item[Field.createdAt]?.numberValue else {
            throw .missingField(Field.createdAt, item: item)
        }
        guard let greenfield = item[Field.greenfield]?.numberValue else {
            throw .missingField(Field.greenfield, item: item)
        }
        var rest = item
        for field in [
            Field.taskID, Field.labourerID, Field.createdAt, Field.greenfield, Field.attempts, Field.payload,
            Field.completedAt, Field.closedAt, Field.desiredLaunchTime,
        ] {
            rest.removeValue(forKey: field)
        }
        self.init(
            taskID: taskID, labourerID: labourerID, createdAt: createdAt,
            greenfield: Greenfield(TaskRecord.wholeNumber(greenfield)),
            attempts: Int(item[Field.attempts]?.numberValue.map(TaskRecord.wholeNumber) ?? 0),
            payload: TaskRecord.payload(item[Field.payload]),
            completedAt: item[Field.completedAt]?.numberValue.map(TaskRecord.wholeNumber),
            closedAt: item[Field.closedAt]?.numberValue.map(TaskRecord.wholeNumber),
            desiredLaunchTime: item[Field.desiredLaunchTime]?.numberValue.map(TaskRecord.wholeNumber),
            otherAttributes: rest)
    }

    /// Python's `int(value)`: integral numbers as they are, fractions truncated towards zero.
    static func wholeNumber(_ number: DynamoNumber) -> Int64 {
        if let whole = number.int64Value { return whole }
        let value = number.doubleValue.rounded(.towardZero)
        return abs(value) < 9.2e18 ? Int64(value) : 0
    }

    private static func payload(_ value: AttributeValue?) -> JSONValue {
        switch value {
        case nil, .null?:
            return [:]
        case .s(let text)?:
            if let parsed = try? JSONValue(parsing: text), parsed.objectValue != nil { return parsed }
            return .string(text)
        case .m?:
            return JSONValue(dynamo: value!)
        case let other?:
            return .string(JSONValue(dynamo: other).serialized())
        }
    }
}

/// A stored item that is not a task: a required field is missing or has the wrong type.
public enum TaskRecordError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingField(String, item: DynamoItem)

    public var description: String {
        switch self {
        case .missingField(let field, let item):
            let keys = item.keys.sorted().joined(separator: ", ")
            return "the item is not a sosw task: `\(field)` is missing or has the wrong type (attributes: \(keys))"
        }
    }
}
