import SoswCore

/// Sends a request again after throttling, server errors and transport failures, as ``RetryStrategy`` and the
/// shared ``RetryQuota`` allow, sleeping on the injected clock (so a simulation retries in virtual time) with
/// jitter from the injected random source. When it gives up, the caller sees the last response or error.
public struct RetryMiddleware: AWSMiddleware {
    public let strategy: RetryStrategy
    public let quota: RetryQuota
    public let clock: any Clock<Duration>
    public let random: any RandomSource

    public init(strategy: RetryStrategy, quota: RetryQuota, clock: any Clock<Duration>, random: any RandomSource) {
        self.strategy = strategy
        self.quota = quota
        self.clock = clock
        self.random = random
    }

    public func handle(
        _ request: AWSHTTPRequest, next: @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse
    ) async throws -> AWSHTTPResponse {
        var attempt = 1
        var lastRetryCost: Int?
        while true {
            let outcome: Result<AWSHTTPResponse, any Error>
            do {
                outcome = .success(try await next(request))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                outcome = .failure(error)
            }
            let failure: RetryStrategy.Failure? =
                switch outcome {
                case .success(let response): strategy.classify(response)
                case .failure(let error): strategy.classify(error)
                }
            guard let failure else {
                if case .success(let response) = outcome, response.isSuccess {
                    quota.release(afterSuccessWithLastRetryCost: lastRetryCost)
                }
                return try outcome.get()
            }
            guard attempt < strategy.maxAttempts, let cost = quota.acquire(for: failure) else {
                return try outcome.get()
            }
            lastRetryCost = cost
            try await clock.sleep(for: strategy.delay(beforeRetry: attempt, random: random))
            attempt += 1
        }
    }
}
