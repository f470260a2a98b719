/// Why a WorkerAssistant payload was rejected. sosw raises (and the async invocation fails) for the same cases.
public enum WorkerAssistantError: Error, Hashable, Sendable, CustomStringConvertible {
    case payloadNotAnObject(JSONValue)
    case missingAction
    case ambiguousActions(JSONValue)
    case unsupportedAction(String)
    case missingTaskID(action: WorkerAssistantRequest.Action)
    case taskIDNotAString(JSONValue)
    case undecodableField(String, value: String)
    case fieldNotAnObject(String, value: JSONValue)

    public var description: String {
        let actions = WorkerAssistantRequest.Action.allCases.map(\.rawValue).joined(separator: " or ")
        switch self {
        case .payloadNotAnObject(let value):
            return "the WorkerAssistant payload must be a JSON object, got \(value.serialized())"
        case .missingAction:
            return "the payload has no `action`; expected \(actions)"
        case .ambiguousActions(let value):
            return "`actions` must be a list of exactly one action (\(actions)), got \(value.serialized())"
        case .unsupportedAction(let action):
            return "action `\(action)` is not supported; expected \(actions)"
        case .missingTaskID(let action):
            return "missing required parameter `task_id` for action `\(action.rawValue)`"
        case .taskIDNotAString(let value):
            return "`task_id` must be a string, got \(value.serialized())"
        case .undecodableField(let field, let text):
            return "`\(field)` is a string that is not JSON: \(text); expected an object or a JSON string of one"
        case .fieldNotAnObject(let field, let value):
            return "`\(field)` must be an object or a JSON string of one, got \(value.serialized())"
        }
    }
}
