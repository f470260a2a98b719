import Foundation
import SoswCore
import SoswReports
import SoswSimulation

/// Runs a scenario-engine file and writes what it leaves behind (`events.jsonl`, `summary.json`,
/// `summary.md`, `series.csv`, `functions.csv`, `tasks.csv`, `report.html`): shared by `sosw simulate` and `sosw check`.
struct EngineRun {
    let scenario: Scenario
    let scenarioText: String
    let seed: UInt64?
    let scheduling: SchedulingPolicy
    let directory: String

    /// Runs the scenario, measuring wall time, showing a progress line on a terminal, and writes the outputs.
    func run() throws -> (ScenarioRun.Result, RunSummary) {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let clock = ContinuousClock()
        let started = clock.now
        let progress = ProgressLine(label: scenario.name, clock: clock, started: started)
        var report: (@Sendable (Duration, Duration) -> Void)?
        if progress.isEnabled {
            report = { simulated, limit in progress.show(simulated, of: limit) }
        }
        let result = try ScenarioRun(scenario).run(
            seed: seed, scheduling: scheduling, eventsPath: "\(directory)/events.jsonl", progress: report)
        let wall = (clock.now - started).secondsValue
        progress.clear()
        let summary = RunSummary(result: result, scenarioText: scenarioText, wallSeconds: wall)
        try write(summary.json.serialized() + "\n", "summary.json")
        try write(summary.markdown, "summary.md")
        try write(Self.labourerSeries(result.figures).text, "series.csv")
        try write(Self.functionSeries(result.figures).text, "functions.csv")
        try write(Self.taskRecords(result.figures).text, "tasks.csv")
        try write(HTMLReport(summary: summary, charts: RunCharts(result: result)).html, "report.html")
        return (result, summary)
    }

    private func write(_ text: String, _ name: String) throws {
        try text.write(toFile: "\(directory)/\(name)", atomically: true, encoding: .utf8)
    }

    static func labourerSeries(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["minute", "labourer_id", "queued", "running", "invoked", "completed", "expired", "retried", "dead", "health"])
        for labourer in figures.labourers {
            for row in labourer.series {
                table.rows.append([
                    String(row.minute), labourer.id, String(row.queued), String(row.running), String(row.invoked),
                    String(row.completed), String(row.expired), String(row.retried), String(row.dead),
                    row.health.map(String.init) ?? "",
                ])
            }
        }
        return table
    }

    static func functionSeries(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["minute", "function", "concurrency", "throttles"])
        for function in figures.functions {
            for row in function.series {
                table.rows.append([String(row.minute), function.name, String(row.concurrency), String(row.throttles)])
            }
        }
        return table
    }

    static func taskRecords(_ figures: RunFigures) -> CSVTable {
        var table = CSVTable(header: ["task_id", "labourer_id", "created", "invocations", "completed", "archived", "outcome", "latency"])
        for task in figures.tasks {
            table.rows.append([
                task.taskID, task.labourerID, RunSummary.number(task.created),
                task.invocations.map { "\(RunSummary.number($0.time))#\($0.attempt)" }.joined(separator: " "),
                task.completed.map(RunSummary.number) ?? "", task.archived.map(RunSummary.number) ?? "",
                task.outcome ?? "", task.latency.map(RunSummary.number) ?? "",
            ])
        }
        return table
    }
}

extension RunSummary {
    /// The summary of a finished engine run, as plain values for the reports.
    init(result: ScenarioRun.Result, scenarioText: String, wallSeconds: Double) {
        let figures = result.figures
        let caps = Dictionary(
            uniqueKeysWithValues: result.configuration.taskManager.labourers.map { ($0.id, $0.maxSimultaneousInvocations) })
        self.init(
            record: RunRecord(
                scenario: result.scenario.name, seed: result.seed, scheduling: result.scheduling.description,
                scenarioSHA256: sha256Hex(scenarioText.utf8), commit: GitCommit.describe(), events: result.events,
                eventsSHA256: result.eventsSHA256, simulatedSeconds: result.simulatedSeconds, wallSeconds: wallSeconds,
                jobsRun: result.jobsRun),
            description: result.scenario.description, drained: result.drained,
            drainedAfterSeconds: result.drainedAfterSeconds,
            labourers: figures.labourers.map { labourer in
                Labourer(
                    id: labourer.id, created: labourer.created, completed: labourer.completed, dead: labourer.dead,
                    invocations: labourer.invocations, expired: labourer.expired, retries: labourer.retries,
                    peakRunning: labourer.peakRunning, meanRunning: labourer.meanRunning, cap: caps[labourer.id] ?? 0,
                    duplicateExecutions: labourer.duplicateExecutions, latencyP50: labourer.latency(percentile: 50),
                    latencyP90: labourer.latency(percentile: 90), latencyP99: labourer.latency(percentile: 99),
                    secondsAtHealth: labourer.secondsAtHealth)
            },
            functions: figures.functions.map {
                Function(name: $0.name, executions: $0.executions, peakConcurrency: $0.peakConcurrency, throttles: $0.throttles)
            },
            awsCalls: figures.awsCalls.map {
                Operation(name: $0.operation, calls: $0.calls, errors: $0.errors, capacityUnits: $0.capacityUnits)
            },
            expectations: result.expectations.map {
                Expectation(name: $0.name, measured: $0.measured, passed: $0.passed, message: $0.message)
            })
    }
}

extension RunCharts {
    /// The per-minute series and latencies of a finished engine run, as plain values for `report.html`; each
    /// labourer's minutes carry the peak concurrency of its function (found through its ARN, as the run does).
    init(result: ScenarioRun.Result) {
        let functionOfLabourer = Dictionary(uniqueKeysWithValues: result.configuration.labourerFunctions.map { ($0.id, $0.function) })
        self.init(
            labourers: result.figures.labourers.map { labourer in
                let functionMinutes = functionOfLabourer[labourer.id].flatMap(result.figures.function)?.series ?? []
                let peakByMinute = Dictionary(functionMinutes.map { ($0.minute, $0.concurrency) }, uniquingKeysWith: max)
                return Labourer(
                    id: labourer.id,
                    minutes: labourer.series.map {
                        LabourerMinute(
                            minute: $0.minute, queued: $0.queued, running: $0.running, peakRunning: peakByMinute[$0.minute],
                            invoked: $0.invoked, completed: $0.completed, expired: $0.expired, retried: $0.retried,
                            dead: $0.dead, health: $0.health)
                    },
                    latencies: labourer.latencies)
            },
            functions: result.figures.functions.map { function in
                Function(
                    name: function.name,
                    reservedConcurrency: result.scenario.lambda.function(named: function.name)?.reservedConcurrency,
                    minutes: function.series.map {
                        FunctionMinute(minute: $0.minute, concurrency: $0.concurrency, throttles: $0.throttles)
                    })
            },
            accountConcurrency: result.scenario.lambda.accountConcurrency)
    }
}
