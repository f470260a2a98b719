import SoswCore
import SoswSimulation

/// What a scenario run's reports say, as plain values (the simulation fills it in; this module only
/// renders it): the keys of `summary.json` that scripts rely on, and more.
public struct RunSummary: Sendable {
    public var record: RunRecord
    public var description: String
    public var drained: Bool
    public var drainedAfterSeconds: Double?
    public var labourers: [Labourer]
    public var functions: [Function]
    public var awsCalls: [Operation]
    public var expectations: [Expectation]
    /// The settings the figures depend on; nil for a summary made without a scenario run.
    public var assumptions: RunAssumptions?
    /// What the run would cost at the scenario's prices; nil for a summary made without them.
    public var cost: RunCost?
    /// The invariant the run broke, which stopped it; it is also among `expectations` as a failed one, so every
    /// output that lists expectations (JUnit XML, the store, the page) reports it.
    public var invariantViolation: InvariantViolation?

    public init(
        record: RunRecord, description: String, drained: Bool, drainedAfterSeconds: Double?, labourers: [Labourer],
        functions: [Function], awsCalls: [Operation], expectations: [Expectation]
    ) {
        self.record = record
        self.description = description
        self.drained = drained
        self.drainedAfterSeconds = drainedAfterSeconds
        self.labourers = labourers
        self.functions = functions
        self.awsCalls = awsCalls
        self.expectations = expectations
    }

    public struct Labourer: Sendable, Hashable {
        public var id: String
        public var created: Int
        public var completed: Int
        public var dead: Int
        public var invocations: Int
        public var expired: Int
        public var retries: Int
        public var peakRunning: Int
        public var meanRunning: Double
        public var cap: Int
        public var duplicateExecutions: Int
        /// Executions of those tasks beyond the first.
        public var extraExecutions: Int
        /// Lambda's own retries of failed async events of the labourer's function (not in `retries`).
        public var lambdaAsyncRetries: Int
        public var latencyP50: Double
        public var latencyP90: Double
        public var latencyP99: Double
        /// Seconds at each health level, by level.
        public var secondsAtHealth: [Int: Double]

        public init(
            id: String, created: Int, completed: Int, dead: Int, invocations: Int, expired: Int, retries: Int,
            peakRunning: Int, meanRunning: Double, cap: Int, duplicateExecutions: Int, latencyP50: Double,
            latencyP90: Double, latencyP99: Double, secondsAtHealth: [Int: Double], extraExecutions: Int = 0,
            lambdaAsyncRetries: Int = 0
        ) {
            self.id = id
            self.created = created
            self.completed = completed
            self.dead = dead
            self.invocations = invocations
            self.expired = expired
            self.retries = retries
            self.peakRunning = peakRunning
            self.meanRunning = meanRunning
            self.cap = cap
            self.duplicateExecutions = duplicateExecutions
            self.extraExecutions = extraExecutions
            self.lambdaAsyncRetries = lambdaAsyncRetries
            self.latencyP50 = latencyP50
            self.latencyP90 = latencyP90
            self.latencyP99 = latencyP99
            self.secondsAtHealth = secondsAtHealth
        }
    }

    public struct Function: Sendable, Hashable {
        public var name: String
        public var executions: Int
        public var peakConcurrency: Int
        public var throttles: Int
        /// Lambda's own retries of the function's failed async events.
        public var lambdaAsyncRetries: Int

        public init(name: String, executions: Int, peakConcurrency: Int, throttles: Int, lambdaAsyncRetries: Int = 0) {
            self.name = name
            self.executions = executions
            self.peakConcurrency = peakConcurrency
            self.throttles = throttles
            self.lambdaAsyncRetries = lambdaAsyncRetries
        }
    }

    public struct Operation: Sendable, Hashable {
        public var name: String
        public var calls: Int
        public var errors: Int
        public var capacityUnits: Double

        public init(name: String, calls: Int, errors: Int, capacityUnits: Double) {
            self.name = name
            self.calls = calls
            self.errors = errors
            self.capacityUnits = capacityUnits
        }
    }

    public struct Expectation: Sendable, Hashable {
        public var name: String
        public var measured: String
        public var passed: Bool
        public var message: String

        public init(name: String, measured: String, passed: Bool, message: String) {
            self.name = name
            self.measured = measured
            self.passed = passed
            self.message = message
        }
    }

    public var passed: Bool {
        expectations.allSatisfy(\.passed)
    }
}
