/// A function registered with ``SimulatedLambda``: its Lambda settings, and how its executions behave.
public struct SimulatedFunction: Sendable {
    public var name: String
    /// Lambda's Timeout (1 s ... 15 min): an execution still running then is stopped (sosw's `max_duration`).
    public var timeout: Duration
    public var memoryMB: Int
    /// The function's reserved concurrency: both its own ceiling and capacity taken from the account's
    /// unreserved pool. Nil shares the unreserved pool.
    public var reservedConcurrency: Int?
    /// Lambda's retries of an async event after a function error or timeout (0...2, default 2).
    public var maximumRetryAttempts: Int
    /// How long Lambda keeps an async event (through throttling and retries) before discarding it
    /// (60 s ... 6 h, default 6 h).
    public var maximumEventAge: Duration
    public var runtime: String
    public var worker: WorkerModel
    public var behaviour: any WorkerBehaviour

    public init(
        name: String,
        timeout: Duration = .seconds(3),
        memoryMB: Int = 128,
        reservedConcurrency: Int? = nil,
        maximumRetryAttempts: Int = 2,
        maximumEventAge: Duration = .seconds(6 * 3600),
        runtime: String = "python3.12",
        worker: WorkerModel,
        behaviour: any WorkerBehaviour = WorkerClosure.idle
    ) {
        self.name = name
        self.timeout = timeout
        self.memoryMB = memoryMB
        self.reservedConcurrency = reservedConcurrency
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAge = maximumEventAge
        self.runtime = runtime
        self.worker = worker
        self.behaviour = behaviour
    }

    /// The problems Lambda would reject these settings for, worded for the person who wrote them.
    var problems: [String] {
        var problems: [String] = []
        if name.isEmpty || name.count > 64
            || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        {
            problems.append("function name '\(name)' must be 1 to 64 letters, digits, hyphens or underscores")
        }
        if timeout < .seconds(1) || timeout > .seconds(900) {
            problems.append("timeout of '\(name)' is \(timeout); Lambda allows 1s to 900s")
        }
        if memoryMB < 128 || memoryMB > 10_240 {
            problems.append("memory of '\(name)' is \(memoryMB) MB; Lambda allows 128 to 10240 MB")
        }
        if let reserved = reservedConcurrency, reserved < 0 {
            problems.append("reserved concurrency of '\(name)' is \(reserved); it must be 0 or more")
        }
        if !(0...2).contains(maximumRetryAttempts) {
            problems.append("maximum retry attempts of '\(name)' is \(maximumRetryAttempts); Lambda allows 0 to 2")
        }
        if maximumEventAge < .seconds(60) || maximumEventAge > .seconds(6 * 3600) {
            problems.append("maximum event age of '\(name)' is \(maximumEventAge); Lambda allows 60s to 6h")
        }
        if case .empirical(let samples) = worker.duration, samples.isEmpty {
            problems.append("the empirical duration of '\(name)' has no samples")
        }
        return problems
    }
}
