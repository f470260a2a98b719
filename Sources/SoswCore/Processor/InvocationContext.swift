/// What the Lambda runtime tells a function about one invocation (sosw's `lambda_context`): its request id, the
/// ARN it was invoked by, and when Lambda stops it.
public struct InvocationContext: Hashable, Sendable {
    public var requestID: String
    /// `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
    public var invokedFunctionARN: String
    /// When Lambda stops the invocation (its start plus the function's Timeout).
    public var deadline: UnixTime

    public init(requestID: String, invokedFunctionARN: String, deadline: UnixTime) {
        self.requestID = requestID
        self.invokedFunctionARN = invokedFunctionARN
        self.deadline = deadline
    }

    /// The invoked function, with the partition, region and account its ARN names (sosw took the account from
    /// this ARN too); nil when ``invokedFunctionARN`` is not a function reference.
    public var function: ARN.LambdaFunctionReference? {
        try? ARN.LambdaFunctionReference(parsing: invokedFunctionARN)
    }
}
