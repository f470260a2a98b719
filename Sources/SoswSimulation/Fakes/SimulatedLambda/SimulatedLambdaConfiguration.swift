/// The account-wide behaviour of ``SimulatedLambda``; the defaults are Lambda's documented ones.
public struct SimulatedLambdaConfiguration: Sendable, Hashable {
    /// Concurrent executions the account allows (all functions together).
    public var accountConcurrency: Int
    public var region: String
    public var accountID: String
    /// How long an `Invoke` call takes to answer, drawn per call; nil answers at once.
    public var invokeLatency: Distribution?
    /// The first delay before a throttled async event is tried again; it doubles per throttle...
    public var throttleBackoffInitial: Duration
    /// ...up to this delay. Each delay is drawn between half of it and all of it.
    public var throttleBackoffMaximum: Duration
    /// The waits before Lambda's retries of an async event after a function error or timeout: about one
    /// minute before the second attempt, two before the third.
    public var errorRetryDelays: [Duration]
    /// The chance that an accepted async event is delivered twice (Lambda's delivery is at-least-once).
    public var duplicateDeliveryProbability: Double
    /// How long after the event's arrival its duplicate is delivered.
    public var duplicateDeliveryDelay: Distribution
    /// Largest payloads `Invoke` accepts: 6 MB synchronous, 1 MB asynchronous.
    public var maximumSyncPayloadBytes: Int
    public var maximumAsyncPayloadBytes: Int

    public init(
        accountConcurrency: Int = 1000,
        region: String = "us-east-1",
        accountID: String = "000000000000",
        invokeLatency: Distribution? = nil,
        throttleBackoffInitial: Duration = .seconds(1),
        throttleBackoffMaximum: Duration = .seconds(300),
        errorRetryDelays: [Duration] = [.seconds(60), .seconds(120)],
        duplicateDeliveryProbability: Double = 0,
        duplicateDeliveryDelay: Distribution = .uniform(.seconds(1), .seconds(60)),
        maximumSyncPayloadBytes: Int = 6_291_456,
        maximumAsyncPayloadBytes: Int = 1_048_576
    ) {
        precondition(accountConcurrency >= 0, "account concurrency must be 0 or more, got \(accountConcurrency)")
        precondition(!errorRetryDelays.isEmpty, "errorRetryDelays needs at least one delay")
        self.accountConcurrency = accountConcurrency
        self.region = region
        self.accountID = accountID
        self.invokeLatency = invokeLatency
        self.throttleBackoffInitial = throttleBackoffInitial
        self.throttleBackoffMaximum = throttleBackoffMaximum
        self.errorRetryDelays = errorRetryDelays
        self.duplicateDeliveryProbability = duplicateDeliveryProbability
        self.duplicateDeliveryDelay = duplicateDeliveryDelay
        self.maximumSyncPayloadBytes = maximumSyncPayloadBytes
        self.maximumAsyncPayloadBytes = maximumAsyncPayloadBytes
    }
}
