/// What happened to one function so far: the counters the collectors sample and the reports print.
public struct FunctionStatistics: Sendable, Hashable {
    /// Executions running now.
    public var running = 0
    /// The most executions that ran at once.
    public var peakRunning = 0
    /// Invoke calls accepted, by invocation type (`Event` answered 202, `RequestResponse` ran).
    public var asyncInvocations = 0
    public var syncInvocations = 0
    /// Times an invocation found no concurrency: sync calls answered 429, async deliveries put back.
    public var throttles = 0
    public var executionsStarted = 0
    public var executionsFinished: [ExecutionOutcome: Int] = [:]
    /// Lambda's own retries of async events after a function error or timeout.
    public var retries = 0
    /// Extra deliveries of an async event (at-least-once delivery).
    public var duplicateDeliveries = 0
    /// Async events Lambda gave up on: too old, or retries exhausted.
    public var eventsDroppedByAge = 0
    public var eventsDroppedAfterRetries = 0

    public init() {}

    /// Executions that ended with `outcome`.
    public func finished(_ outcome: ExecutionOutcome) -> Int {
        executionsFinished[outcome, default: 0]
    }
}
