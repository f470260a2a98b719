/// Who writes a row of the audit trail: the running function and, inside Lambda, its invocation. sosw took
/// these from the Lambda context of the invocation; here whoever starts a run of an essential or a worker (the
/// Lambda runtime, the command line, the simulator) binds them with `MetaContext.$current.withValue(…)` for the
/// run, and every row posted inside it carries them.
///
/// A task-local value rather than a property of the TaskManager because one TaskManager serves every run of a
/// container, and in a simulation the runs of several essentials at once.
public struct MetaContext: Hashable, Sendable {
    /// `author`: the function name (`sosw_orchestrator`, a worker's name).
    public var author: String
    /// `invocation_id`: the Lambda request id; nil outside Lambda.
    public var invocationID: String?
    /// `log_stream_name`: the CloudWatch Logs stream of the invocation, when known.
    public var logStreamName: String?

    public init(author: String, invocationID: String? = nil, logStreamName: String? = nil) {
        self.author = author
        self.invocationID = invocationID
        self.logStreamName = logStreamName
    }

    /// The run the current task belongs to; nil when nobody said (the row then has no `author`,
    /// `invocation_id` or `log_stream_name`).
    @TaskLocal public static var current: MetaContext?
}
