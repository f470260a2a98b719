import SoswCore
import SoswSimulation

/// The settings a run's figures depend on, with the values in force (the scenario's or the defaults filled in
/// for it), so a reader of `summary.md` can tell a figure caused by the system from one caused by a setting:
/// a short expiry window makes retries, a cap of 0 makes a queue that never moves.
public struct RunAssumptions: Sendable, Hashable {
    /// One labourer as sosw is configured to treat it.
    public struct Labourer: Sendable, Hashable {
        public var id: String
        /// `max_simultaneous_invocations`: the most executions the Orchestrator keeps running (before health).
        public var cap: Int
        /// How long an invoked task counts as running, then the grace period before the Scavenger expires it.
        public var durationSeconds: Double
        public var cooldownSeconds: Double
        /// Invocations a task gets before it is closed as dead.
        public var maxAttempts: Int
        /// How long an expired task waits in the retry table before it is queued again, as a sentence.
        public var retryDelay: String

        public init(id: String, cap: Int, durationSeconds: Double, cooldownSeconds: Double, maxAttempts: Int, retryDelay: String) {
            self.id = id
            self.cap = cap
            self.durationSeconds = durationSeconds
            self.cooldownSeconds = cooldownSeconds
            self.maxAttempts = maxAttempts
            self.retryDelay = retryDelay
        }

        /// Invocation to expiry: `duration + cooldown`.
        public var expiryWindowSeconds: Double {
            durationSeconds + cooldownSeconds
        }
    }

    /// One simulated Lambda function's service settings.
    public struct Function: Sendable, Hashable {
        public var name: String
        public var timeoutSeconds: Double
        /// Lambda's own retries of a failed async event (0…2).
        public var maxRetryAttempts: Int
        /// How long Lambda keeps an async event it could not run yet before dropping it.
        public var maxEventAgeSeconds: Double
        /// Concurrency set aside for the function; nil when it shares the account's pool.
        public var reservedConcurrency: Int?

        public init(name: String, timeoutSeconds: Double, maxRetryAttempts: Int, maxEventAgeSeconds: Double, reservedConcurrency: Int?) {
            self.name = name
            self.timeoutSeconds = timeoutSeconds
            self.maxRetryAttempts = maxRetryAttempts
            self.maxEventAgeSeconds = maxEventAgeSeconds
            self.reservedConcurrency = reservedConcurrency
        }
    }

    /// sosw's `greenfield_task_step`: the distance between consecutive queued tasks.
    public var greenfieldTaskStep: Int64
    /// Concurrent executions the whole account allows, all functions together.
    public var accountConcurrency: Int
    /// The share of its cap a labourer may use at each health level, 0 (bad) to 4 (high).
    public var healthCoefficients: [Double]
    public var labourers: [Labourer]
    public var functions: [Function]

    public init(
        greenfieldTaskStep: Int64, accountConcurrency: Int, healthCoefficients: [Double], labourers: [Labourer],
        functions: [Function]
    ) {
        self.greenfieldTaskStep = greenfieldTaskStep
        self.accountConcurrency = accountConcurrency
        self.healthCoefficients = healthCoefficients
        self.labourers = labourers
        self.functions = functions
    }

    /// Labourers whose cap is 0: the Orchestrator never invokes their tasks.
    public var uncappedLabourers: [Labourer] {
        labourers.filter { $0.cap <= 0 }
    }

    /// The assumptions of a finished scenario run.
    public init(result: ScenarioRun.Result) {
        let lambda = result.scenario.lambda
        let functionOf = Dictionary(uniqueKeysWithValues: result.configuration.labourerFunctions.map { ($0.id, $0.function) })
        self.init(
            greenfieldTaskStep: result.configuration.taskManager.greenfield.taskStep,
            accountConcurrency: lambda.accountConcurrency,
            healthCoefficients: EcoStatus.allCases.map { result.configuration.orchestrator.coefficients[$0] },
            labourers: result.configuration.taskManager.labourers.map { labourer in
                let timeout = functionOf[labourer.id].flatMap(lambda.function(named:))?.timeout
                return Labourer(
                    id: labourer.id, cap: labourer.maxSimultaneousInvocations,
                    durationSeconds: labourer.duration.secondsValue, cooldownSeconds: labourer.cooldown.secondsValue,
                    maxAttempts: labourer.maxAttempts,
                    retryDelay: Self.describe(labourer.retryDelay, maxDuration: labourer.maxDuration ?? timeout))
            },
            functions: lambda.functions.map { function in
                Function(
                    name: function.name, timeoutSeconds: function.timeout.secondsValue,
                    maxRetryAttempts: function.maxRetryAttempts, maxEventAgeSeconds: function.maxEventAge.secondsValue,
                    reservedConcurrency: function.reservedConcurrency)
            })
    }

    /// The retry delay policy in words, with the timeout it multiplies when it is sosw's linear one.
    static func describe(_ policy: RetryDelayPolicy, maxDuration: Duration?) -> String {
        switch policy {
        case .linear:
            let timeout = maxDuration.map { RunSummary.duration($0.secondsValue) } ?? "the function's timeout"
            return "max_duration × attempts (\(timeout) × attempts)"
        case .exponential(let base, let factor, let cap):
            return "full jitter: 0 … min(\(RunSummary.duration(cap.secondsValue)), "
                + "\(RunSummary.duration(base.secondsValue)) × \(RunSummary.number(factor))^(attempts − 1))"
        }
    }
}
