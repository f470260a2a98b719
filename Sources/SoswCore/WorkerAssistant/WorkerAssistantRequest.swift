/// What a worker asks the WorkerAssistant to record, parsed from the payload Python workers send:
/// `{"action": …, "task_id": …, "stats"?: object | JSON string, "result"?: object | JSON string}`.
public struct WorkerAssistantRequest: Hashable, Sendable {
    public enum Action: String, CaseIterable, Hashable, Sendable {
        /// Sets `completed_at`, the completion signal the Scavenger reads.
        case markTaskAsCompleted = "mark_task_as_completed"
        /// Increments `failed_attempts`; the task still expires and is retried as usual.
        case markTaskAsFailed = "mark_task_as_failed"
    }

    public var action: Action
    public var taskID: String
    /// Stored flattened as `stat_<key>` attributes.
    public var stats: [String: JSONValue]
    /// Stored flattened as `result_<key>` attributes.
    public var result: [String: JSONValue]

    public init(action: Action, taskID: String, stats: [String: JSONValue] = [:], result: [String: JSONValue] = [:]) {
        self.action = action
        self.taskID = taskID
        self.stats = stats
        self.result = result
    }

    /// Parses a WorkerAssistant event with sosw's rules: `action` may also come as `actions: [one]`;
    /// `task_id` is required for both actions and must be a string; `stats` and `result` may be objects or
    /// JSON strings of objects (`null` or empty means none).
    public init(event: JSONValue) throws(WorkerAssistantError) {
        guard let payload = event.objectValue else { throw .payloadNotAnObject(event) }
        let actionText = try WorkerAssistantRequest.actionText(in: payload)
        guard let action = Action(rawValue: actionText) else { throw .unsupportedAction(actionText) }
        guard let taskIDValue = payload["task_id"] else { throw .missingTaskID(action: action) }
        guard let taskID = taskIDValue.stringValue else { throw .taskIDNotAString(taskIDValue) }
        self.init(
            action: action, taskID: taskID,
            stats: try WorkerAssistantRequest.members(payload["stats"], field: "stats"),
            result: try WorkerAssistantRequest.members(payload["result"], field: "result"))
    }

    /// sosw's `get_one_from_dict(event, 'action', str)`: a truthy `action`, else a single-element `actions`,
    /// converted to text.
    private static func actionText(in payload: [String: JSONValue]) throws(WorkerAssistantError) -> String {
        if let action = payload["action"], action.isTruthy {
            return text(of: action)
        }
        guard let actions = payload["actions"], actions.isTruthy else { throw .missingAction }
        guard let list = actions.arrayValue else { throw .ambiguousActions(actions) }
        guard list.count == 1 else { throw .ambiguousActions(actions) }
        return text(of: list[0])
    }

    private static func text(of value: JSONValue) -> String {
        value.stringValue ?? value.serialized()
    }

    private static func members(_ value: JSONValue?, field: String) throws(WorkerAssistantError) -> [String: JSONValue] {
        switch value {
        case nil, .null?:
            return [:]
        case .object(let members)?:
            return members
        case .string(let text)?:
            guard let parsed = try? JSONValue(parsing: text) else { throw .undecodableField(field, value: text) }
            if parsed == .null { return [:] }
            guard let members = parsed.objectValue else { throw .fieldNotAnObject(field, value: parsed) }
            return members
        case let other?:
            throw .fieldNotAnObject(field, value: other)
        }
    }
}
