import ArgumentParser
import Foundation
import SoswCore
import SoswReports
import SoswSimulation

/// `sosw simulate`: replays a scenario in virtual time and writes what happened under `reports/<name>/`.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario in virtual time and write its event log and run record.",
        discussion: """
            Without FILE, runs the embedded default (the kernel's contention workload: actors racing to claim \
            keys with read → virtual latency → conditional write). Outputs: events.jsonl (one JSON line per \
            event, virtual time in `t`) and run.json (seed, commit, toolchain, configuration, the log's SHA-256).
            """
    )

    @Argument(help: "Scenario file (YAML or JSON). Omit it to run the embedded default.")
    var file: String?

    @Option(help: "Seed for every random draw of the run (overrides the scenario's).")
    var seed: UInt64?

    @Option(help: "Order of jobs ready at the same instant: fifo or random:<seed>.")
    var schedule: String = "fifo"

    @Option(help: "Output directory (default: reports/<scenario name>).")
    var out: String?

    func validate() throws {
        guard SchedulingPolicy(schedule) != nil else {
            throw ValidationError("--schedule must be 'fifo' or 'random:<seed>', got '\(schedule)'")
        }
    }

    func run() async throws {
        let scenario: KernelScenario
        let scenarioText: String
        if let file {
            do {
                scenarioText = try String(contentsOfFile: file, encoding: .utf8)
                switch try ScenarioLoader().load(yaml: scenarioText, file: file) {
                case .kernel(let kernel):
                    scenario = kernel
                case .engine(let engine):
                    FileHandle.standardError.write(Data(
                        "error: \(file) is a valid scenario-engine file ('\(engine.name)'); this build of sosw simulate runs only kernel-workload files (with a top-level `workload:`, e.g. scenarios/kernel-contention.yaml)\n".utf8))
                    throw ExitCode(2)
                }
            } catch let error as ScenarioError {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(2)
            } catch let exit as ExitCode {
                throw exit
            } catch {
                FileHandle.standardError.write(Data("error: cannot read \(file): \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            scenario = .embeddedDefault
            scenarioText = KernelScenario.embeddedDefaultText
        }
        let directory = out ?? "reports/\(scenario.name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)

        let clock = ContinuousClock()
        let started = clock.now
        let result = try scenario.run(
            seed: seed ?? scenario.seed,
            scheduling: SchedulingPolicy(schedule)!,
            eventsPath: "\(directory)/events.jsonl"
        )
        let wall = (clock.now - started).secondsValue

        let record = RunRecord(
            scenario: scenario.name, seed: result.seed, scheduling: result.scheduling.description,
            scenarioSHA256: sha256Hex(scenarioText.utf8), commit: GitCommit.describe(),
            events: result.events, eventsSHA256: result.eventsSHA256,
            simulatedSeconds: result.simulatedSeconds, wallSeconds: wall, jobsRun: result.jobsRun
        )
        try (record.json.serialized() + "\n").write(toFile: "\(directory)/run.json", atomically: true, encoding: .utf8)

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
