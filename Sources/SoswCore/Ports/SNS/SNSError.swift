/// An error as SNS reports it: the service's code, its message and the HTTP status.
public struct SNSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Raw values are the codes the service sends.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case invalidParameter = "InvalidParameter"
        case notFound = "NotFound"
        case throttled = "Throttled"
        case internalError = "InternalError"

        public var httpStatus: Int {
            switch self {
            case .invalidParameter: 400
            case .notFound: 404
            case .throttled: 400
            case .internalError: 500
            }
        }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var httpStatus: Int { code.httpStatus }

    public var description: String { "\(code.rawValue) (HTTP \(httpStatus)): \(message)" }
}
