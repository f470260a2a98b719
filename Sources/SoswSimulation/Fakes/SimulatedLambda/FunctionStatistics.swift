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
    /// Lambda's billed duration of the finished executions: each rounded up to the millisecond.
    public var billedMilliseconds: Int64 = 0

    public init() {}

    /// Counts one execution that ended with `outcome` after running `elapsed`.
    mutating func recordFinished(_ outcome: ExecutionOutcome, elapsed: Duration) {
        executionsFinished[outcome, default: 0] += 1
        billedMilliseconds += FunctionBilling.billedMilliseconds(elapsed)
    }

    /// Finished executions, whatever their outcome: each one a billed request.
    public var executionsEnded: Int {
        executionsFinished.values.reduce(0, +)
    }

    /// Executions that ended with `outcome`.
    public func finished(_ outcome: ExecutionOutcome) -> Int {
        executionsFinished[outcome, default: 0]
    }
}
