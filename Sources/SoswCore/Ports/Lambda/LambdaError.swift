/// An error as Lambda reports it: the service's error type (`x-amzn-ErrorType`), its message, the HTTP status
/// that comes with it and, for throttling, the reason, so code written against the fake handles exactly what
/// it will meet in production.
public struct LambdaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error types of `Invoke` and `GetFunctionConfiguration`. Raw values are the service's names.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case tooManyRequests = "TooManyRequestsException"
        case resourceNotFound = "ResourceNotFoundException"
        case requestTooLarge = "RequestTooLargeException"
        case invalidRequestContent = "InvalidRequestContentException"
        case invalidParameterValue = "InvalidParameterValueException"
        case unsupportedMediaType = "UnsupportedMediaTypeException"
        case service = "ServiceException"

        /// The HTTP status the service answers with.
        public var httpStatus: Int {
            switch self {
            case .tooManyRequests: 429
            case .resourceNotFound: 404
            case .requestTooLarge: 413
            case .invalidRequestContent, .invalidParameterValue: 400
            case .unsupportedMediaType: 415
            case .service: 500
            }
        }
    }

    /// Why a request was throttled (the `Reason` member of `TooManyRequestsException`).
    public enum ThrottleReason: String, Sendable, Hashable, CaseIterable {
        /// The account's concurrency (shared by every function without a reservation) is exhausted.
        case concurrentInvocationLimitExceeded = "ConcurrentInvocationLimitExceeded"
        /// The function's reserved concurrency is exhausted.
        case reservedFunctionConcurrentInvocationLimitExceeded = "ReservedFunctionConcurrentInvocationLimitExceeded"
        case functionInvocationRateLimitExceeded = "FunctionInvocationRateLimitExceeded"
        case callerRateLimitExceeded = "CallerRateLimitExceeded"
    }

    public var code: Code
    public var message: String
    /// Set for `TooManyRequestsException`.
    public var reason: ThrottleReason?

    public init(code: Code, message: String, reason: ThrottleReason? = nil) {
        self.code = code
        self.message = message
        self.reason = reason
    }

    /// The HTTP status of the response that carried this error.
    public var httpStatus: Int { code.httpStatus }

    /// Whether the same request may succeed later (throttling and service faults).
    public var isRetryable: Bool {
        code == .tooManyRequests || code == .service
    }

    public var description: String {
        var text = "\(code.rawValue) (HTTP \(httpStatus)): \(message)"
        if let reason { text += " [Reason: \(reason.rawValue)]" }
        return text
    }

    /// A throttled invocation, worded as the service words it.
    public static func tooManyRequests(_ reason: ThrottleReason) -> LambdaError {
        LambdaError(code: .tooManyRequests, message: "Rate Exceeded.", reason: reason)
    }

    /// A function (or version) that does not exist; `arn` is what the request resolved to.
    public static func functionNotFound(_ arn: String) -> LambdaError {
        LambdaError(code: .resourceNotFound, message: "Function not found: \(arn)")
    }
}
