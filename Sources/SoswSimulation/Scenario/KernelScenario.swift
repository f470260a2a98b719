import SoswCore
import Yams

/// A scenario for the kernel's built-in ``ContentionWorkload``: a name, a seed, a start time and the
/// workload's size. It is what `sosw simulate` runs by default and what the kernel's reproducibility checks use.
///
/// A file is of this form when it has a top-level `workload:` key (``ScenarioLoader`` decides so; every other
/// scenario file is a scenario-engine ``Scenario``). File form (YAML or JSON), as in
/// `scenarios/kernel-contention.yaml`:
/// ```yaml
/// name: kernel-contention
/// description: Three claimers race for sixteen keys.
/// seed: 42
/// start: 2026-01-05T02:00:00Z
/// workload: {workers: 3, iterations: 1000, keys: 16, latency: {p50: 5ms, p99: 25ms}}
/// ```
public struct KernelScenario: Sendable, Hashable {
    public var name: String
    public var description: String
    public var seed: UInt64
    public var start: UnixTime
    public var workload: ContentionWorkload

    public init(name: String, description: String, seed: UInt64, start: UnixTime, workload: ContentionWorkload) {
        self.name = name
        self.description = description
        self.seed = seed
        self.start = start
        self.workload = workload
    }

    /// The scenario `sosw simulate` runs without a file.
    public static let embeddedDefaultText = """
        name: kernel-default
        description: Three actors race to claim sixteen keys, 1000 times each, with 5 ms (p99 25 ms) between read and conditional write.
        seed: 42
        start: 2026-01-05T02:00:00Z
        workload: {workers: 3, iterations: 1000, keys: 16, latency: {p50: 5ms, p99: 25ms}}
        """

    public static var embeddedDefault: KernelScenario {
        // The text is part of the binary and covered by tests; failing to load it is a programming error.
        try! KernelScenario(yaml: embeddedDefaultText, file: "<embedded default>")
    }

    /// What one run of the scenario produced.
    public struct Result: Sendable {
        public var seed: UInt64
        public var scheduling: SchedulingPolicy
        public var outcome: ContentionWorkload.Outcome
        public var events: Int
        public var eventsSHA256: String
        public var simulatedSeconds: Double
        public var jobsRun: UInt64
    }

    /// Runs the scenario on a fresh simulator, writing the event log to `eventsPath` when given.
    public func run(
        seed: UInt64, scheduling: SchedulingPolicy = .fifo, strict: Bool = false, eventsPath: String? = nil
    ) throws -> Result {
        let sink = try eventsPath.map(FileEventSink.init(path:))
        let log = EventLog(sink: sink)
        let executor = SimExecutor(start: start, scheduling: scheduling, strict: strict)
        let outcome = try workload.run(on: executor, random: SeededRandom(seed: seed), log: log)
        try sink?.close()
        return Result(
            seed: seed, scheduling: scheduling, outcome: outcome, events: log.count, eventsSHA256: log.sha256,
            simulatedSeconds: (executor.now - start).secondsValue, jobsRun: executor.jobsRun
        )
    }
}

extension KernelScenario {
    /// Why a scenario file could not be loaded: the error every scenario form shares.
    public typealias LoadError = ScenarioError

    /// Loads a scenario from YAML (JSON is YAML too). Unknown keys, wrong types and impossible values are
    /// errors naming the file, line and key path: nothing runs half-configured.
    public init(yaml text: String, file: String) throws(LoadError) {
        let root = try YAMLDocument.compose(text, file: file)
        let reader = NodeReader(file: file, suggestsNearMisses: false)
        let top = try reader.mapping(root, path: "", allowed: ["name", "description", "seed", "start", "workload"])
        name = try reader.fileName(reader.string(top["name"], path: "name", in: root), node: top["name"] ?? root, path: "name")
        description = try top["description"].map { node throws(LoadError) in try reader.string(node, path: "description", in: root) } ?? ""
        seed = try top["seed"].map { node throws(LoadError) in try reader.unsigned(node, path: "seed") } ?? 0
        if let node = top["start"] {
            let text = try reader.string(node, path: "start", in: root)
            switch ScenarioLimits.time(iso8601: text, latest: ScenarioLimits.latestStart) {
            case .time(let time):
                start = time
            case .malformed:
                throw reader.error(node, "start", "'\(text)' is not a UTC ISO-8601 time; expected e.g. 2026-01-05T02:00:00Z")
            case .outOfRange:
                throw reader.error(node, "start", "'\(text)' is out of range; expected a time \(ScenarioLimits.timeRangeText(latest: ScenarioLimits.latestStart))")
            }
        } else {
            start = UnixTime(seconds: 0)
        }
        var workload = ContentionWorkload()
        if let node = top["workload"] {
            let fields = try reader.mapping(node, path: "workload", allowed: ["workers", "iterations", "keys", "latency"])
            if let value = fields["workers"] { workload.workers = try reader.positive(value, path: "workload.workers", within: ScenarioLimits.kernelWorkers) }
            if let value = fields["iterations"] { workload.iterations = try reader.positive(value, path: "workload.iterations", within: ScenarioLimits.kernelIterations) }
            if let value = fields["keys"] { workload.keys = try reader.positive(value, path: "workload.keys", within: ScenarioLimits.kernelKeys) }
            if let value = fields["latency"] {
                let latency = try reader.mapping(value, path: "workload.latency", allowed: ["p50", "p99"])
                let p50 = try reader.duration(latency["p50"], path: "workload.latency.p50", in: value)
                let p99 = try reader.duration(latency["p99"], path: "workload.latency.p99", in: value)
                guard p99 >= p50 else {
                    throw reader.error(value, "workload.latency", "p99 (\(p99)) is below p50 (\(p50)); expected p99 >= p50")
                }
                workload.latency = .lognormal(median: p50, p99: p99)
            }
        }
        self.workload = workload
    }
}
