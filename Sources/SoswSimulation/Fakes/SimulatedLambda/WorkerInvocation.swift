import SoswCore

/// What a completing worker receives: the event it was invoked with and the facts of its execution, as a
/// Lambda handler sees them in its event and context.
public struct WorkerInvocation: Sendable, Hashable {
    public var functionName: String
    /// The same for every attempt and every duplicate delivery of one event, as in Lambda.
    public var requestID: String
    public var invocationType: InvocationType
    /// The parsed payload (`{}` when the request had none).
    public var payload: JSONValue
    /// The payload's task id (``WorkerModel/taskIDField``), when it has one.
    public var taskID: String?
    /// 1 for the first execution of an event, 2 and 3 for Lambda's retries after errors.
    public var attempt: Int
    /// Whether this execution is a duplicate delivery of the event.
    public var isDuplicate: Bool
    public var clientContext: String?
    public var startedAt: UnixTime
    /// When Lambda stops the execution (start + the function's Timeout).
    public var deadline: UnixTime
}
