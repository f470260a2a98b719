/// An error as CloudWatch reports it: the query-compatible error code (`x-amzn-query-error`), its message and
/// whether the caller (`Sender`) or the service (`Receiver`) is at fault.
public struct CloudWatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Raw values are the codes the service sends.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case invalidParameterValue = "InvalidParameterValue"
        case invalidParameterCombination = "InvalidParameterCombination"
        case missingParameter = "MissingParameter"
        case limitExceeded = "LimitExceeded"
        case internalServiceError = "InternalServiceError"

        /// The HTTP status the service answers with.
        public var httpStatus: Int {
            self == .internalServiceError ? 500 : 400
        }

        /// `Sender` for a bad request, `Receiver` for a service fault (the second half of `x-amzn-query-error`).
        public var fault: String {
            self == .internalServiceError ? "Receiver" : "Sender"
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

    public static func invalidParameterValue(_ message: String) -> CloudWatchError {
        CloudWatchError(code: .invalidParameterValue, message: message)
    }

    public static func invalidParameterCombination(_ message: String) -> CloudWatchError {
        CloudWatchError(code: .invalidParameterCombination, message: message)
    }

    /// A required parameter that was absent or empty.
    public static func missingParameter(_ name: String) -> CloudWatchError {
        CloudWatchError(code: .missingParameter, message: "The parameter \(name) is required.")
    }
}
