/// A response an AWS client could not turn into its port's error values: a code the port does not model
/// (`UnknownOperationException`, `InvalidSignatureException`…), or a body that is not the protocol's error
/// form at all (an XML page from a proxy, a server that is not the service). Says who answered what, so
/// the reader can tell a misrouted endpoint from a real service error.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var status: Int
    /// The error code, when the body carried one.
    public var code: String?
    public var message: String
    public var requestID: String?

    public init(service: String, operation: String, status: Int, code: String?, message: String, requestID: String?) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
    }

    public var description: String {
        "\(service) \(operation) failed with HTTP \(status)" + (code.map { " \($0)" } ?? "") + ": \(message)"
            + (requestID.map { " (request id \($0))" } ?? "")
    }
}
