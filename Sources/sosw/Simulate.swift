import ArgumentParser
import Foundation
import SoswCore
import SoswReports
import SoswSimulation

/// `sosw simulate`: replays a scenario in virtual time and writes what happened under `reports/<name>/`.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios in virtual time and write what happened under reports/<name>/.",
        discussion: """
            A scenario file (see README.md) runs sosw's essentials against the simulated AWS and writes \
            events.jsonl (one JSON line per event, virtual time in `t`; none with `--events none`), summary.json, \
            summary.md, series.csv (per labourer and minute), functions.csv (per function and minute), tasks.csv \
            (per task), metrics.csv (each simulated metric per minute), report.html (one self-contained page of \
            charts: queue, running vs cap, invocations, retries and dead, health and latency per labourer, \
            concurrency and throttles per function, metrics against their thresholds, AWS calls, cost, \
            expectations) and run.sqlite (the run store; with `--store FILE` the run is appended to that store \
            instead). Exit status: 0 done, 1 a run broke an invariant, 2 a malformed scenario, 3 an output that \
            cannot be written. A file with a top-level `workload:` runs the kernel's contention workload instead \
            (events.jsonl and run.json); so does no FILE at all (the embedded default).
            """
    )

    @Argument(help: "Scenario files (YAML or JSON). Omit them to run the embedded default.")
    var files: [String] = []

    @Option(help: "Seed for every random draw of the run (overrides the scenario's).")
    var seed: UInt64?

    @Option(help: "Order of jobs ready at the same instant: fifo or random:<seed>.")
    var schedule: String = "fifo"

    @Option(help: "Output directory (default: reports/<scenario name>; with several files, <out>/<scenario name>).")
    var out: String?

    @Option(help: "Event log: full writes events.jsonl, none writes none (every other output is the same).")
    var events: RunOutputs.Events = .full

    @Option(help: "A run store (SQLite) to append each run to, instead of a run.sqlite in its output directory.")
    var store: String?

    func validate() throws {
        guard SchedulingPolicy(schedule) != nil else {
            FileHandle.standardError.write(Data("error: --schedule must be 'fifo' or 'random:<seed>', got '\(schedule)'\n".utf8))
            throw ExitCode(2)
        }
    }

    func run() async throws {
        guard !files.isEmpty else {
            try runKernel(.embeddedDefault, text: KernelScenario.embeddedDefaultText)
            return
        }
        let store = try OutputFailure.openStore(store)
        var violations = 0
        for file in files {
            let (loaded, text) = try ScenarioFileReader.load(file)
            switch loaded {
            case .kernel(let kernel):
                try runKernel(kernel, text: text)
            case .engine(let scenario):
                if try !runEngine(scenario, text: text, store: store) { violations += 1 }
            }
        }
        // A broken invariant is an expectation every run has.
        if violations > 0 { throw ExitCode(1) }
    }

    private func directory(for name: String) -> String {
        guard let out else { return "reports/\(name)" }
        return files.count > 1 ? "\(out)/\(name)" : out
    }

    /// Runs one scenario and prints what it did; returns false when it broke an invariant.
    private func runEngine(_ scenario: Scenario, text: String, store: RunStore?) throws -> Bool {
        let directory = directory(for: scenario.name)
        let (result, summary, written) = try EngineRun(
            scenario: scenario, scenarioText: text, seed: seed, scheduling: SchedulingPolicy(schedule)!,
            outputs: RunOutputs(directory: directory, events: events), store: store
        ).run()
        let record = summary.record
        print("\(scenario.name)  seed \(result.seed)  schedule \(result.scheduling)  (\(BuildInfo.configuration) build)")
        for labourer in summary.labourers {
            print("  \(labourer.id): \(labourer.created) created, \(labourer.completed) completed, \(labourer.dead) dead, "
                + "\(labourer.invocations) invocations, \(labourer.retries) retries, peak \(labourer.peakRunning) running, "
                + "latency p50 \(RunSummary.duration(labourer.latencyP50)) p99 \(RunSummary.duration(labourer.latencyP99))")
        }
        if let after = result.drainedAfterSeconds {
            print("  drained after \(RunSummary.duration(after))")
        } else {
            print("  not drained: \(result.figures.openTasks) tasks still open when the run stopped")
        }
        print("  cost \(RunSummary.usd(result.cost.totalUSD)) USD at \(RunSummary.pricesNote(result.cost)): "
            + result.cost.byService.map { "\($0.service) \(RunSummary.usd($0.usd))" }.joined(separator: ", "))
        let failed = result.expectations.filter { !$0.passed }
        if !result.expectations.isEmpty {
            print("  expectations: \(result.expectations.count - failed.count) of \(result.expectations.count) hold"
                + (failed.isEmpty ? "" : "; failing: " + failed.map(\.name).joined(separator: "; ")))
        }
        print(
            "  \(result.events) events, \(format(record.simulatedSeconds)) s simulated in \(format(record.wallSeconds)) s wall"
                + " (\(format(record.speedup))× real time, \(format(record.eventsPerSecond)) events/s, \(result.jobsRun) jobs)"
        )
        print("  events sha256 \(result.eventsSHA256)")
        print("  wrote \(directory)/" + written.joined(separator: ", "))
        if let store { print("  stored in \(store.path)") }
        guard let violation = result.invariantViolation else { return true }
        print("  FAIL \(violation)")
        return false
    }

    private func runKernel(_ scenario: KernelScenario, text scenarioText: String) throws {
        let directory = directory(for: scenario.name)
        _ = try OutputFailure.reporting { try RunOutputs(directory: directory).prepare() }

        let clock = ContinuousClock()
        let started = clock.now
        let result = try OutputFailure.reporting {
            try scenario.run(seed: seed ?? scenario.seed, scheduling: SchedulingPolicy(schedule)!, eventsPath: "\(directory)/events.jsonl")
        }
        let wall = (clock.now - started).secondsValue

        let record = RunRecord(
            scenario: scenario.name, seed: result.seed, scheduling: result.scheduling.description,
            scenarioSHA256: sha256Hex(scenarioText.utf8), commit: GitCommit.current,
            events: result.events, eventsSHA256: result.eventsSHA256,
            simulatedSeconds: result.simulatedSeconds, wallSeconds: wall, jobsRun: result.jobsRun
        )
        try OutputFailure.reporting {
            try RunOutputs.write(record.json.serialized() + "\n", to: "\(directory)/run.json")
        }

        print("\(scenario.name)  seed \(result.seed)  schedule \(result.scheduling)  (\(BuildInfo.configuration) build)")
        print("  \(result.outcome.won + result.outcome.lost) claims: \(result.outcome.won) won, \(result.outcome.lost) lost to a concurrent writer")
        print(
            "  \(result.events) events, \(format(result.simulatedSeconds)) s simulated in \(format(wall)) s wall"
                + " (\(format(record.speedup))× real time, \(format(record.eventsPerSecond)) events/s, \(result.jobsRun) jobs)"
        )
        print("  events sha256 \(result.eventsSHA256)")
        print("  wrote \(directory)/events.jsonl and \(directory)/run.json")
    }

    private func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.3f", value)
    }
}
