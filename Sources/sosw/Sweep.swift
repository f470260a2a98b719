import ArgumentParser
import Foundation
import SoswCore
import SoswReports
import SoswSimulation
import Synchronization

/// `sosw sweep`: runs a scenario over a grid of `--set` values and seeds, in parallel, and tabulates drain
/// time and cost per variant: the capacity planner's "what if the cap were 100 or 200?" in one command.
struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over a grid of --set values and seeds, in parallel; tabulate drain time and cost.",
        discussion: """
            Each --set PATH=v1,v2,… names a key of the scenario file by its dotted path (list elements by index, \
            e.g. load.0.tasks.count) and the values it takes; the variants are every combination, each run at \
            --seeds consecutive seeds from the scenario's own. Runs go to --jobs threads (default: one per core). \
            Writes <out>/sweep.csv (one row per run), sweep.md and sweep.html (drain time and cost per variant, \
            mean and min–max over the seeds, and a chart of drain time against cost), run.sqlite (every run, \
            with its --set values in `overrides`) and each run's own outputs under runs/<variant>-seed<N>/. \
            --drain-under 8h marks the cheapest variant that drains within 8 h in every seed. Exit status: 0 \
            done, 2 bad input (a path not in the scenario, a value the scenario refuses; nothing is written), \
            3 an output that cannot be written.
            """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(name: .customLong("set"), help: "PATH=v1,v2,…: a scenario key by dotted path and the values it takes (repeatable).")
    var assignments: [String] = []

    @Option(help: "Seeds per variant: the scenario's seed, seed+1, …")
    var seeds: Int = 1

    @Option(help: "Runs at once, one thread each (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Output directory (default: reports/<scenario name>-sweep).")
    var out: String?

    @Option(help: "A drain-time bound (e.g. 8h): marks the cheapest variant draining within it in every seed.")
    var drainUnder: String?

    @Option(help: "Event logs of the runs: full writes each run's events.jsonl, none writes none.")
    var events: RunOutputs.Events = .full

    func run() async throws {
        let plan = try plan()
        let directory = out ?? "reports/\(plan.baseName)-sweep"
        let store = try OutputFailure.reporting {
            do {
                // The folder holds this sweep only, as its run.sqlite does: runs of an earlier sweep go.
                if FileManager.default.fileExists(atPath: "\(directory)/runs") {
                    try FileManager.default.removeItem(atPath: "\(directory)/runs")
                }
                try FileManager.default.createDirectory(atPath: "\(directory)/runs", withIntermediateDirectories: true)
            } catch {
                throw RunOutputError(path: directory, error: error)
            }
            return try RunStore.replacing(path: "\(directory)/run.sqlite")
        }
        let runs = plan.grid.runs(firstSeed: plan.firstSeed, seeds: seeds)
        let threads = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, runs.count)
        SweepRunner.giveEachThreadAnArena(threads)
        let progress = SweepProgress(label: "sweep \(plan.baseName)", total: runs.count)
        let clock = ContinuousClock()
        let started = clock.now
        progress.start()
        let rows: [SweepReport.Run]
        do {
            defer { progress.clear() }
            let runner = SweepRunner(plan: plan, runs: runs, directory: directory, store: store, events: events)
            rows = try await OutputFailure.reporting { try await runner.run(threads: threads) { progress.finishedRun() } }
        }
        let wall = (clock.now - started).secondsValue

        let report = SweepReport(
            scenario: plan.baseName, file: file, paths: plan.grid.axes.map(\.path), runs: rows,
            drainBoundSeconds: plan.drainBound?.secondsValue)
        try OutputFailure.reporting {
            try RunOutputs.write(report.csv.text, to: "\(directory)/sweep.csv")
            try RunOutputs.write(report.markdown, to: "\(directory)/sweep.md")
            try RunOutputs.write(report.html, to: "\(directory)/sweep.html")
        }
        print(report.markdown, terminator: "")
        print("\(runs.count) runs on \(threads) thread\(threads == 1 ? "" : "s") in \(String(format: "%.2f", wall)) s wall")
        print("wrote \(directory)/sweep.md, sweep.html, sweep.csv, run.sqlite and runs/")
    }

    /// Everything checked before anything is written: the file, the `--set` paths and values of every variant,
    /// the counts and the bound. Any problem is one `error:` line and exit status 2.
    private func plan() throws -> SweepPlan {
        func refuse(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode(2)
        }
        guard seeds >= 1 else { throw refuse("--seeds must be at least 1, got \(seeds)") }
        if let jobs, jobs < 1 { throw refuse("--jobs must be at least 1, got \(jobs)") }
        var bound: Duration?
        if let drainUnder {
            guard let parsed = DurationText.parse(drainUnder), parsed > .zero else {
                throw refuse("--drain-under '\(drainUnder)' is not a duration; expected a number and a unit (ms, s, m, h, d), e.g. 8h")
            }
            bound = parsed
        }
        let (loaded, text) = try ScenarioFileReader.load(file)
        guard case .engine(let base) = loaded else {
            throw refuse("\(file) is a kernel-workload file; sosw sweep runs scenario-engine files")
        }
        var axes: [SweepAxis] = []
        for assignment in assignments {
            do {
                axes.append(try SweepAxis(assignment: assignment))
            } catch {
                throw refuse(error.description)
            }
        }
        let grid = SweepGrid(axes: axes)
        var scenarios: [String: Scenario] = [:]
        for variant in grid.variants {
            do {
                scenarios[variant.name] = try ScenarioLoader().scenario(yaml: text, file: file, overrides: variant.overrides)
            } catch {
                throw refuse(grid.variants.count > 1 || !axes.isEmpty ? "variant \(variant.name): \(error)" : "\(error)")
            }
        }
        return SweepPlan(
            baseName: base.name, text: text, firstSeed: base.seed, grid: grid, scenarios: scenarios, drainBound: bound)
    }
}

/// A checked sweep: the loaded scenario of every variant, ready to run.
struct SweepPlan: Sendable {
    var baseName: String
    var text: String
    var firstSeed: UInt64
    var grid: SweepGrid
    /// By variant name.
    var scenarios: [String: Scenario]
    var drainBound: Duration?
}

/// Runs a sweep's runs on a ``ThreadPool``; each run has its own simulator and output folder, and only the
/// store (which serialises its writes) and the result list are shared.
struct SweepRunner: Sendable {
    let plan: SweepPlan
    let runs: [SweepRun]
    let directory: String
    let store: RunStore
    let events: RunOutputs.Events

    /// The runs' figures in grid order; the first failure (after every thread stopped) is rethrown.
    func run(threads: Int, finished: @escaping @Sendable () -> Void) async throws -> [SweepReport.Run] {
        try await ThreadPool.map(count: runs.count, threads: threads, afterEach: finished) { try perform(runs[$0]) }
    }

    /// `sosw` sets glibc's allocator up for one simulating thread: a single arena (see CSoswAllocator). Threads
    /// sharing it queue on its lock for every allocation, which kept a sweep on one core whatever `--jobs` said;
    /// with an arena per thread they allocate side by side.
    /// (`mallopt` is looked up at run time: Swift's Glibc module leaves `malloc.h` out; -8 is its `M_ARENA_MAX`.)
    static func giveEachThreadAnArena(_ threads: Int) {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard threads > 1, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallocOption.self)(-8, Int32(threads + 1))
        #endif
    }

    private func perform(_ run: SweepRun) throws -> SweepReport.Run {
        var overrides: [String: JSONValue] = [:]
        for override in run.variant.overrides {
            overrides[override.path] = (try? YAMLDocument.jsonValue(yaml: override.value, file: "--set")) ?? .string(override.value)
        }
        var engineRun = EngineRun(
            scenario: plan.scenarios[run.variant.name]!, scenarioText: plan.text, seed: run.seed, scheduling: .fifo,
            outputs: RunOutputs(directory: "\(directory)/runs/\(run.directoryName)", events: events), store: store)
        engineRun.overrides = .object(overrides)
        engineRun.showsProgress = false
        let (_, summary, _) = try engineRun.run()
        return SweepReport.Run(variant: run.variant.name, values: run.variant.overrides.map(\.value), summary: summary.json)
    }
}
