import Logging
import SoswCore

/// What Lambda says about one invocation (the `Lambda-Runtime-*` headers of `/next`) and about the function
/// (its environment): what a handler needs to log, to stop before its deadline, and to record who did the work.
public struct LambdaInvocationContext: Sendable {
    /// `Lambda-Runtime-Aws-Request-Id`: the invocation's id, under which its answer is posted.
    public var requestID: String
    /// `Lambda-Runtime-Deadline-Ms`: when Lambda stops the invocation, on the wall clock.
    public var deadline: UnixTime
    /// `Lambda-Runtime-Invoked-Function-Arn`: the ARN the caller invoked (with its version or alias, if any).
    public var invokedFunctionARN: String
    /// `Lambda-Runtime-Trace-Id`: the X-Ray trace header, which Lambda's own runtimes put in `_X_AMZN_TRACE_ID`
    /// for the duration of the invocation. Here it travels with the context instead of through the process
    /// environment.
    public var traceID: String?
    /// `Lambda-Runtime-Client-Context`: the JSON a mobile SDK caller attached, as sent.
    public var clientContext: String?
    /// `Lambda-Runtime-Cognito-Identity`: the caller's Amazon Cognito identity, as sent.
    public var cognitoIdentity: String?
    /// `Lambda-Runtime-Aws-Tenant-Id`: the tenant of a tenant-isolated function.
    public var tenantID: String?
    /// The function this invocation runs in.
    public var function: LambdaRuntimeEnvironment
    /// The runtime's logger with the request id in its metadata (`aws-request-id`), so every line a handler
    /// logs names its invocation.
    public var logger: Logger

    public init(
        requestID: String, deadline: UnixTime, invokedFunctionARN: String, traceID: String? = nil,
        clientContext: String? = nil, cognitoIdentity: String? = nil, tenantID: String? = nil,
        function: LambdaRuntimeEnvironment, logger: Logger
    ) {
        self.requestID = requestID
        self.deadline = deadline
        self.invokedFunctionARN = invokedFunctionARN
        self.traceID = traceID
        self.clientContext = clientContext
        self.cognitoIdentity = cognitoIdentity
        self.tenantID = tenantID
        self.function = function
        self.logger = logger
    }

    /// The time left before the deadline as `clock` reads now; negative once it has passed.
    public func remainingTime(on clock: some WallClock) -> Duration {
        deadline - clock.currentTime()
    }
}
