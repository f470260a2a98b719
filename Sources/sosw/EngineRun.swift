import Foundation
import SoswCore
import SoswReports
import SoswSimulation

/// Runs a scenario-engine file and writes what it leaves behind (through ``RunOutputs``): shared by `sosw
/// simulate`, `sosw check` and `sosw sweep`. An output that cannot be written ends the command with one
/// `error:` line and exit status 3.
struct EngineRun {
    let scenario: Scenario
    let scenarioText: String
    let seed: UInt64?
    let scheduling: SchedulingPolicy
    let outputs: RunOutputs
    /// A shared store to append the run to, instead of the folder's own `run.sqlite`.
    var store: RunStore?
    /// The `--set` overrides the scenario was built with (a sweep's variant), recorded with the run.
    var overrides: JSONValue = .object([:])
    /// Whether to show a progress line on a terminal (a sweep draws its own progress bar).
    var showsProgress = true

    /// Runs the scenario, measuring wall time, and writes the outputs.
    func run() throws -> (result: ScenarioRun.Result, summary: RunSummary, written: [String]) {
        try OutputFailure.reporting {
            let eventsPath = try outputs.prepare()
            let clock = ContinuousClock()
            let started = clock.now
            let progress = ProgressLine(label: scenario.name, clock: clock, started: started)
            var report: (@Sendable (Duration, Duration) -> Void)?
            if showsProgress && progress.isEnabled {
                report = { simulated, limit in progress.show(simulated, of: limit) }
            }
            let result = try ScenarioRun(scenario).run(
                seed: seed, scheduling: scheduling, eventsPath: eventsPath, progress: report)
            let wall = (clock.now - started).secondsValue
            progress.clear()
            let summary = RunSummary(result: result, scenarioText: scenarioText, wallSeconds: wall, commit: GitCommit.current)
            let written = try outputs.write(
                summary, result: result, store: store, overrides: overrides,
                recordedAt: Date().formatted(.iso8601))
            return (result, summary, written)
        }
    }
}
