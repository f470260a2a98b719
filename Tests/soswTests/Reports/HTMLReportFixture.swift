import SoswReports

/// A small run, as the reports see it, for the report.html tests: labourers, functions, AWS calls and
/// expectations with names chosen by the caller (hostile ones included).
enum HTMLReportFixture {
    static func summary(
        scenario: String = "fixture", description: String = "Two labourers and two functions.",
        labourers: [String] = ["alpha", "beta"], functions: [String] = ["alpha_fn", "beta_fn"],
        expectation: String = "dead at most 0", wallSeconds: Double = 1.25
    ) -> RunSummary {
        RunSummary(
            record: RunRecord(
                scenario: scenario, seed: 42, scheduling: "fifo", scenarioSHA256: "ab12", commit: "0123abc",
                toolchain: "Swift test", configuration: "debug", events: 1234, eventsSHA256: "feedface",
                simulatedSeconds: 1800, wallSeconds: wallSeconds, jobsRun: 99),
            description: description, drained: true, drainedAfterSeconds: 1500,
            labourers: labourers.map { id in
                RunSummary.Labourer(
                    id: id, created: 10, completed: 9, dead: 1, invocations: 12, expired: 2, retries: 2, peakRunning: 4,
                    meanRunning: 2.5, cap: 5, duplicateExecutions: 0, latencyP50: 60, latencyP90: 240, latencyP99: 600,
                    secondsAtHealth: [4: 1500, 2: 300])
            },
            functions: functions.map { RunSummary.Function(name: $0, executions: 12, peakConcurrency: 4, throttles: 3) },
            awsCalls: [
                RunSummary.Operation(name: "dynamodb.Query", calls: 40, errors: 0, capacityUnits: 20),
                RunSummary.Operation(name: "lambda.Invoke", calls: 12, errors: 1, capacityUnits: 0),
            ],
            expectations: [
                RunSummary.Expectation(name: expectation, measured: "1", passed: false, message: "expected at most 0"),
                RunSummary.Expectation(name: "completed between 9 and 10", measured: "9", passed: true, message: ""),
            ])
    }

    /// Thirty minutes per series: the queue falls from 30 to 0, running climbs to the cap, health dips once.
    static func charts(labourers: [String] = ["alpha", "beta"], functions: [String] = ["alpha_fn", "beta_fn"]) -> RunCharts {
        RunCharts(
            labourers: labourers.map { id in
                RunCharts.Labourer(
                    id: id,
                    minutes: (0..<30).map { minute in
                        RunCharts.LabourerMinute(
                            minute: minute, queued: 30 - minute - 1, running: min(minute, 5), peakRunning: min(minute + 1, 5),
                            invoked: minute % 3, completed: minute % 2, expired: minute == 10 ? 2 : 0,
                            retried: minute == 10 ? 2 : 0, dead: minute == 20 ? 1 : 0,
                            health: minute == 0 ? nil : (minute == 12 ? 2 : 4))
                    },
                    latencies: [30, 45, 60, 61, 120, 240, 300, 600, 590])
            },
            functions: functions.map { name in
                RunCharts.Function(
                    name: name, reservedConcurrency: 8,
                    minutes: (0..<30).map { RunCharts.FunctionMinute(minute: $0, concurrency: min($0, 4), throttles: $0 == 5 ? 3 : 0) })
            },
            accountConcurrency: 1000)
    }

    static func html(summary: RunSummary = summary(), charts: RunCharts = charts()) -> String {
        HTMLReport(summary: summary, charts: charts).html
    }
}
