import Synchronization

/// The standard retry mode's token bucket, shared by all calls of one client: each retry spends tokens and
/// successes earn them back, so when a service is down the client stops multiplying its load by the attempt
/// count and fails fast instead. Numbers from the SDKs: 500 tokens, 5 per retry, 10 per retry after a
/// timeout, 1 back per success on the first attempt, the retry's cost back when a retried call succeeds.
public final class RetryQuota: Sendable {
    public static let initialCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    private let capacity: Int
    private let available: Mutex<Int>

    public init(capacity: Int = RetryQuota.initialCapacity) {
        self.capacity = capacity
        self.available = Mutex(capacity)
    }

    public var availableTokens: Int {
        available.withLock { $0 }
    }

    /// Takes the tokens a retry after `failure` costs; nil when the bucket cannot pay, and the call must fail.
    public func acquire(for failure: RetryStrategy.Failure) -> Int? {
        let cost = failure == .timeout ? Self.timeoutRetryCost : Self.retryCost
        return available.withLock { available in
            guard available >= cost else { return nil }
            available -= cost
            return cost
        }
    }

    /// Pays back after a successful call: the last retry's cost if it needed retries, else a small increment.
    public func release(afterSuccessWithLastRetryCost cost: Int?) {
        available.withLock { available in
            available = min(capacity, available + (cost ?? Self.noRetryIncrement))
        }
    }
}
