import SoswCore

/// When and how long to wait before sending a failed request again: the AWS SDKs' *standard* retry mode
/// (AWS SDKs and Tools reference guide, "Retry behavior"; botocore `retries/standard.py`).
///
/// - At most ``maxAttempts`` attempts in all (3 by default).
/// - Retried: throttling error codes (and HTTP 429), the transient codes, HTTP 500/502/503/504, and failures
///   where no usable response arrived (connection, timeout, damaged response). The code is read from the
///   response in whichever protocol's form it came (``AWSErrorResponse``): JSON `__type`, `x-amzn-ErrorType`,
///   `x-amzn-query-error`, or XML `<Error><Code>`.
/// - Before retry *i* (1-based) it waits `random(0, 1) × min(baseDelay × 2^(i−1), maxBackoff)`: exponential
///   backoff with full jitter, base 1 s, capped at 20 s.
///
/// Pure: the caller supplies the random source, so the delays of a seeded run repeat exactly.
public struct RetryStrategy: Sendable, Equatable {
    /// Why a failed attempt may be retried; the retry quota charges throttling and other errors differently.
    public enum Failure: Sendable, Equatable {
        case throttling
        case transient
        case timeout
    }

    /// The union of the codes the SDKs treat as throttling, and SNS's `Throttled` (its throttling error, which
    /// their lists miss).
    public static let throttlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException", "Throttled",
    ]
    /// Too Many Requests: throttling whatever code comes with it.
    public static let throttlingStatusCode = 429
    public static let transientErrorCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]

    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxBackoff: Duration

    /// - Parameter maxAttempts: attempts including the first; 1 turns retrying off.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .seconds(1), maxBackoff: Duration = .seconds(20)) {
        precondition(maxAttempts >= 1, "maxAttempts counts the first attempt too, so it must be at least 1, got \(maxAttempts)")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
    }

    /// Whether a response is a retryable failure (nil for success and for errors the caller must fix).
    public func classify(_ response: AWSHTTPResponse) -> Failure? {
        if response.isSuccess { return nil }
        if response.status == Self.throttlingStatusCode { return .throttling }
        let code = AWSErrorResponse(response).code
        if let code, Self.throttlingErrorCodes.contains(code) { return .throttling }
        if let code, Self.transientErrorCodes.contains(code) { return .transient }
        if Self.transientStatusCodes.contains(response.status) { return .transient }
        return nil
    }

    /// Whether an error thrown instead of a response is worth retrying: only transport failures are.
    public func classify(_ error: any Error) -> Failure? {
        guard let error = error as? HTTPTransportError, error.isTransient else { return nil }
        return error.kind == .timeout ? .timeout : .transient
    }

    /// The wait before retry number `retry` (1 for the first retry).
    public func delay(beforeRetry retry: Int, random: any RandomSource) -> Duration {
        let exponent = min(max(retry - 1, 0), 62)
        let ceiling = min(baseDelay * Double(sign: .plus, exponent: exponent, significand: 1), maxBackoff)
        let ceilingNanoseconds = Double(ceiling.components.seconds) * 1e9 + Double(ceiling.components.attoseconds) / 1e9
        // Whole nanoseconds: the resolution of every clock it will sleep on, so the wait is exactly this value.
        return .nanoseconds(Int64((ceilingNanoseconds * random.unitInterval()).rounded(.down)))
    }
}
