import SoswCore

/// A scenario of the scenario engine (the file format README.md describes): the sosw configuration under test,
/// the simulated AWS it runs against, the load put on it, the faults injected, when to stop, and what must hold
/// at the end.
///
/// Loaded and checked by ``ScenarioLoader``; a value of this type is always complete and consistent (every
/// name it mentions is declared), so the run driver never meets a half-configured scenario.
public struct Scenario: Sendable, Hashable {
    public var name: String
    /// What the scenario shows, for the person reading the file or its report.
    public var description: String
    /// Seeds every random draw of the run; `sosw simulate --seed` overrides it.
    public var seed: UInt64
    /// The virtual time the run starts at (UTC), which also fixes the Scheduler's dates.
    public var start: UnixTime
    public var stop: StopCondition
    /// In a fixed order (orchestrator, scavenger, scheduler); defaults to ``EssentialSchedule/defaults``.
    public var essentials: [EssentialSchedule]
    /// The sosw configuration document the essentials are given (sosw 0.7.x's keys), merged
    /// over sosw's defaults; as written in the file, converted to JSON.
    public var config: JSONValue
    public var lambda: LambdaSettings
    public var metrics: [SimulatedMetric]
    /// In file order.
    public var load: [LoadEntry]
    public var latency: ServiceLatency
    /// In file order.
    public var faults: [Fault]
    /// In file order.
    public var expectations: [Expectation]
    /// How the run is priced (`pricing:`): region, prices, architectures, the essentials' memory.
    public var pricing: Pricing
    /// sosw's tables created with provisioned capacity (`dynamodb.tables`), by table name; the others are billed
    /// per request.
    public var provisionedTables: [String: ProvisionedTable]

    public init(
        name: String, description: String = "", seed: UInt64 = 0, start: UnixTime, stop: StopCondition,
        essentials: [EssentialSchedule] = EssentialSchedule.defaults, config: JSONValue = .object([:]),
        lambda: LambdaSettings = LambdaSettings(), metrics: [SimulatedMetric] = [], load: [LoadEntry] = [],
        latency: ServiceLatency = ServiceLatency(), faults: [Fault] = [], expectations: [Expectation] = [],
        pricing: Pricing = .default, provisionedTables: [String: ProvisionedTable] = [:]
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.start = start
        self.stop = stop
        self.essentials = essentials.sorted { $0.essential < $1.essential }
        self.config = config
        self.lambda = lambda
        self.metrics = metrics
        self.load = load
        self.latency = latency
        self.faults = faults
        self.expectations = expectations
        self.pricing = pricing
        self.provisionedTables = provisionedTables
    }

    /// The schedule of one essential, nil when it does not run on a timer in this scenario.
    public func schedule(of essential: Essential) -> EssentialSchedule? {
        essentials.first { $0.essential == essential }
    }
}
