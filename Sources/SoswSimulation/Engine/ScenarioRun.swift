import SoswCore

/// One run of a scenario-engine ``Scenario``: builds the world on a fresh ``SimExecutor``, drives it to the
/// stop condition, and evaluates the expectations. Wall time is not measured here (the simulation knows only
/// virtual time); the caller measures it.
public struct ScenarioRun: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// What one run produced.
    public struct Result: Sendable {
        public var scenario: Scenario
        /// The scenario's `config` as the essentials read it.
        public var configuration: SoswConfiguration
        public var seed: UInt64
        public var scheduling: SchedulingPolicy
        public var figures: RunFigures
        public var expectations: [ExpectationResult]
        public var events: Int
        public var eventsSHA256: String
        public var simulatedSeconds: Double
        public var jobsRun: UInt64
        /// The log's lines, when the run was asked to keep them.
        public var lines: [String]
        /// Every task created was closed and no load was left to come when the run stopped.
        public var drained: Bool
        /// What the run would cost at the scenario's prices (`pricing:`).
        public var cost: RunCost
        /// The invariant the run broke, which stopped it; nil for a run that kept them all.
        public var invariantViolation: InvariantViolation?
        /// The faults that fired and the paths taken in the run, for exploration's "sometimes" counts.
        public var sometimes = SometimesTally()
        /// The audit trail's rows (`meta_handler_config`), in key order; nil when the run had no meta table.
        public var metaTrail: [DynamoItem]? = nil

        /// From the start to the last task closed, when the run drained.
        public var drainedAfterSeconds: Double? {
            guard drained else { return nil }
            return figures.lastClosedAfter?.secondsValue ?? 0
        }

        /// Every expectation held, and every invariant (an expectation every run has).
        public var passed: Bool {
            invariantViolation == nil && expectations.allSatisfy(\.passed)
        }
    }

    /// Checks the scenario (``Scenario/validate(file:)``), then runs it on virtual time to its stop condition.
    /// The same scenario, seed and scheduling give the same events, byte for byte.
    /// - Parameters:
    ///   - seed: overrides the scenario's seed (`sosw simulate --seed`); nil runs with ``Scenario/seed``.
    ///   - scheduling: the order of jobs ready at the same virtual instant: `.fifo` (the default) replays the
    ///     order they became ready in; `.random(seed:)` explores other interleavings, reproducibly per seed.
    ///   - strict: report every escape from the simulator (work run outside its executor) as an error; off by
    ///     default, on in tests that guard determinism.
    ///   - eventsPath: where to write `events.jsonl`; nil (the default) writes no file, the hash is still
    ///     computed.
    ///   - keepsLines: keep the event log's lines in ``Result/lines`` (memory grows with the run); off by default.
    ///   - progress: called every few virtual seconds with the virtual time elapsed and the run's limit, e.g. to
    ///     draw a progress line; nil for none.
    ///   - inspect: called once the result is complete, with a look into the run's world (tables, the Lambda
    ///     fake's statistics, SNS messages, CloudWatch, the essentials), for tests that check more than the
    ///     figures; what it does changes nothing in the result. Nil (the default) for none.
    /// - Throws: the ``ScenarioError`` of an invalid scenario before anything runs; an error that stopped the
    ///   run (an events file that cannot be written, a stuck simulation); what `inspect` throws.
    public func run(
        seed: UInt64? = nil, scheduling: SchedulingPolicy = .fifo, strict: Bool = false, eventsPath: String? = nil,
        keepsLines: Bool = false, progress: (@Sendable (_ simulated: Duration, _ limit: Duration) -> Void)? = nil,
        inspect: (@Sendable (ScenarioInspection) async throws -> Void)? = nil
    ) throws -> Result {
        let seed = seed ?? scenario.seed
        let configuration = try scenario.validate()
        let sink = try eventsPath.map(FileEventSink.init(path:))
        let functions = scenario.lambda.functions.map(\.name)
            + [ScenarioWorld.workerAssistantFunction, ScenarioWorld.schedulerFunction]
        let collector = RunCollector(start: scenario.start, labourers: configuration.labourerFunctions, functions: functions)
        let invariants = InvariantChecker(start: scenario.start, configuration: configuration, next: collector)
        let log = EventLog(sink: sink, keepsLines: keepsLines, listener: invariants)
        let executor = SimExecutor(start: scenario.start, scheduling: scheduling, strict: strict)
        let world = ScenarioWorld(
            scenario: scenario, configuration: configuration, seed: seed, clock: executor.clock, log: log)
        invariants.watch(InMemoryTaskTables(dynamoDB: world.dynamoDB, config: configuration.taskManager))
        let driver = ScenarioDriver(world: world, collector: collector, invariants: invariants, progress: progress)
        let drained = try executor.run { try await driver.run() }
        let violation = invariants.finish(
            at: executor.now, drained: drained,
            drainDeadline: DrainDeadline.of(scenario, configuration: configuration))
        try sink?.close()
        var figures = collector.figures(at: executor.now, awsCalls: world.awsCalls)
        figures.metrics = MetricFigures.collect(
            scenario: scenario, configuration: configuration, cloudWatch: world.cloudWatch, end: executor.now)
        figures.billedFunctions = world.billedFunctions
        var result = Result(
            scenario: scenario, configuration: configuration, seed: seed, scheduling: scheduling, figures: figures,
            expectations: scenario.expectations.map { $0.evaluate(figures, drained: drained) },
            events: log.count, eventsSHA256: log.sha256, simulatedSeconds: (executor.now - scenario.start).secondsValue,
            jobsRun: executor.jobsRun, lines: log.lines, drained: drained,
            cost: RunCost(
                pricing: scenario.pricing, functions: figures.billedFunctions, awsCalls: figures.awsCalls,
                provisioned: world.dynamoDB.provisionedUsage(), hours: (executor.now - scenario.start).secondsValue / 3600),
            invariantViolation: violation, sometimes: invariants.sometimes)
        result.metaTrail = world.metaTrail
        if let inspect {
            let inspection = ScenarioInspection(world: world, now: executor.now)
            try executor.run { try await inspect(inspection) }
        }
        return result
    }
}
