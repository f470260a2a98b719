import ArgumentParser
import Foundation
import SoswCore
import SoswReports
import SoswSimulation

/// `sosw explore`: random scenarios and random faults against sosw's invariants, seed after seed, in parallel;
/// each failing seed saved as a scenario that replays it, and with `--shrink` as a smallest one too.
struct Explore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run random scenarios with random faults and check sosw's invariants; save and shrink failing seeds.",
        discussion: """
            Each seed draws a scenario (labourers, caps, durations, failure mixes, health metrics, load, the \
            essentials' schedules) and turns each fault point on or off (DynamoDB throttling, index lag, latency \
            spikes, 500s, conditional-write races; Lambda 429s, late, lost and duplicate events, timeouts; \
            CloudWatch missing and delayed datapoints; SNS publish failures; overlapping and crashing \
            essentials), each firing with a drawn probability. Every run checks the invariants. A failing seed \
            is written to <out>/seed-S/scenario.yaml (`sosw simulate` replays it) and, with --shrink, \
            <out>/seed-S/minimal.yaml: the smallest scenario found that breaks the same invariant. Prints \
            `N seeds, M violations, X seeds/s` and how often each fault fired and each path was taken. Exit \
            status: 0 no violation, 1 a violation, 2 bad input, 3 an output that cannot be written.
            """
    )

    @Option(help: "Explore seeds 1 to N (default 100).")
    var seeds: Int?

    @Option(help: "Explore this one seed only, printing its faults and events hash.")
    var seed: UInt64?

    @Option(help: "Seeds at once, one thread each (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Where failing seeds are written (default: reports/explore).")
    var out: String = "reports/explore"

    @Flag(help: "Shrink each failing seed to a smallest scenario breaking the same invariant (minimal.yaml).")
    var shrink = false

    func run() async throws {
        let seedList = try chosenSeeds()
        let threads = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, seedList.count)
        SweepRunner.giveEachThreadAnArena(threads)
        let clock = ContinuousClock()
        let started = clock.now
        let explored = try await ExploreRunner(seeds: seedList).run(threads: threads)
        let seconds = max((clock.now - started).secondsValue, 1e-9)

        var sometimes = SometimesTally()
        var violations = 0
        for exploration in explored {
            sometimes.add(exploration.sometimes)
            if seed != nil { printSeed(exploration) }
            guard let violation = exploration.violation else { continue }
            violations += 1
            if seed == nil { print("seed \(exploration.seed): \(violation.headline)") }
            try save(exploration, violation)
        }
        print("\(explored.count) seeds, \(violations) violations, \(String(format: "%.1f", Double(explored.count) / seconds)) seeds/s")
        print(Self.table(sometimes, seeds: explored.count))
        if violations > 0 { throw ExitCode(1) }
    }

    /// The seeds asked for; bad options are bad input (exit status 2).
    private func chosenSeeds() throws -> [UInt64] {
        func refuse(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode(2)
        }
        if let jobs, jobs < 1 { throw refuse("--jobs must be at least 1, got \(jobs)") }
        switch (seeds, seed) {
        case (_?, _?): throw refuse("--seeds and --seed exclude each other; give one")
        case (nil, let one?): return [one]
        case (let count, nil):
            let count = count ?? 100
            guard count >= 1 else { throw refuse("--seeds must be at least 1, got \(count)") }
            return (1...UInt64(count)).map { $0 }
        }
    }

    private func printSeed(_ exploration: SeedExploration) {
        print("seed \(exploration.seed): \(exploration.scenario.load.count) load entries, "
              + "\(exploration.scenario.lambda.functions.count) labourers, \(exploration.scenario.faults.count) faults")
        for line in exploration.faultLines { print("  fault \(line)") }
        print("  events sha256 \(exploration.eventsSHA256)")
        if let violation = exploration.violation { print(violation.description) }
    }

    /// Writes `scenario.yaml` and, with `--shrink`, `minimal.yaml` of a failing seed.
    private func save(_ exploration: SeedExploration, _ violation: InvariantViolation) throws {
        let directory = "\(out)/seed-\(exploration.seed)"
        try OutputFailure.reporting {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw RunOutputError(path: directory, error: error)
            }
            try RunOutputs.write(exploration.yaml, to: "\(directory)/scenario.yaml")
        }
        print("  wrote \(directory)/scenario.yaml")
        guard shrink else { return }
        guard let minimal = ScenarioShrinker(invariant: violation.invariant).shrink(exploration.scenario) else {
            print("  the violation did not repeat when shrinking; no minimal.yaml")
            return
        }
        try OutputFailure.reporting { try RunOutputs.write(minimal.yaml, to: "\(directory)/minimal.yaml") }
        let tasks = minimal.scenario.load.count
        print("  wrote \(directory)/minimal.yaml (\(minimal.scenario.lambda.functions.count) labourers, \(tasks) load entries, "
              + "\(minimal.scenario.faults.count) faults, \(minimal.runs) runs to shrink)")
    }

    /// How often each fault fired and each path was taken over the seeds; what never happened over 1,000
    /// seeds or more is named.
    static func table(_ tally: SometimesTally, seeds: Int) -> String {
        var lines = ["sometimes                          times"]
        for kind in SometimesTally.faultKinds {
            lines.append("  fault \(kind.padding(toLength: 28, withPad: " ", startingAt: 0)) \(tally.faults[kind] ?? 0)")
        }
        for path in SometimesTally.paths {
            lines.append("  path  \(path.padding(toLength: 28, withPad: " ", startingAt: 0)) \(tally.paths[path] ?? 0)")
        }
        if seeds >= 1000 {
            let never = SometimesTally.faultKinds.filter { tally.faults[$0] == nil }.map { "fault \($0)" }
                + SometimesTally.paths.filter { tally.paths[$0] == nil }.map { "path \($0)" }
            if !never.isEmpty { lines.append("never over \(seeds) seeds: \(never.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Explores seeds on a ``ThreadPool``: each seed its own simulator, only the result list shared.
struct ExploreRunner: Sendable {
    let seeds: [UInt64]

    /// The explorations in seed order; the first error (after every thread stopped) is rethrown.
    func run(threads: Int) async throws -> [SeedExploration] {
        try await ThreadPool.map(count: seeds.count, threads: threads) { try SeedExploration.explore(seed: seeds[$0]) }
    }
}
