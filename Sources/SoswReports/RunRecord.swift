import SoswCore

/// What identifies a simulated run and what it produced: enough to reproduce it and to see that a
/// reproduction matched (same seed, scenario, commit, toolchain and configuration → same `eventsSHA256`).
public struct RunRecord: Sendable, Hashable {
    public var scenario: String
    public var seed: UInt64
    /// The job-ordering policy, as `fifo` or `random:<seed>`.
    public var scheduling: String
    /// SHA-256 of the scenario's text, or of the built-in workload's parameters.
    public var scenarioSHA256: String
    /// The source commit, with `-dirty` when the work tree had changes; `unknown` outside a checkout.
    public var commit: String
    public var toolchain: String
    public var configuration: String
    public var events: Int
    public var eventsSHA256: String
    public var simulatedSeconds: Double
    public var wallSeconds: Double
    public var jobsRun: UInt64

    public init(
        scenario: String, seed: UInt64, scheduling: String, scenarioSHA256: String, commit: String,
        toolchain: String = BuildInfo.toolchain, configuration: String = BuildInfo.configuration,
        events: Int, eventsSHA256: String, simulatedSeconds: Double, wallSeconds: Double, jobsRun: UInt64
    ) {
        self.scenario = scenario
        self.seed = seed
        self.scheduling = scheduling
        self.scenarioSHA256 = scenarioSHA256
        self.commit = commit
        self.toolchain = toolchain
        self.configuration = configuration
        self.events = events
        self.eventsSHA256 = eventsSHA256
        self.simulatedSeconds = simulatedSeconds
        self.wallSeconds = wallSeconds
        self.jobsRun = jobsRun
    }

    /// Events per wall-clock second (0 when the run took no measurable time).
    public var eventsPerSecond: Double {
        wallSeconds > 0 ? Double(events) / wallSeconds : 0
    }

    /// Simulated seconds per wall-clock second.
    public var speedup: Double {
        wallSeconds > 0 ? simulatedSeconds / wallSeconds : 0
    }

    /// The record as JSON, for `run.json` / `summary.json`.
    public var json: JSONValue {
        .object([
            "scenario": .string(scenario),
            "seed": .int(Int64(bitPattern: seed)),
            "scheduling": .string(scheduling),
            "scenario_sha256": .string(scenarioSHA256),
            "commit": .string(commit),
            "toolchain": .string(toolchain),
            "configuration": .string(configuration),
            "events": .int(Int64(events)),
            "events_sha256": .string(eventsSHA256),
            "simulated_seconds": .double(simulatedSeconds),
            "wall_seconds": .double(wallSeconds),
            "events_per_second": .double(eventsPerSecond),
            "jobs_run": .int(Int64(bitPattern: jobsRun)),
        ])
    }
}
