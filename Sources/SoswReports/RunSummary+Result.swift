import SoswCore
import SoswSimulation

extension RunSummary {
    /// The summary of a finished scenario run: its figures as the reports print them, its expectations, and the
    /// record that identifies it (`commit` is the caller's: the simulation does not know the checkout).
    public init(result: ScenarioRun.Result, scenarioText: String, wallSeconds: Double, commit: String) {
        let figures = result.figures
        let caps = Dictionary(
            uniqueKeysWithValues: result.configuration.taskManager.labourers.map { ($0.id, $0.maxSimultaneousInvocations) })
        self.init(
            record: RunRecord(
                scenario: result.scenario.name, seed: result.seed, scheduling: result.scheduling.description,
                scenarioSHA256: sha256Hex(scenarioText.utf8), commit: commit, events: result.events,
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
                    secondsAtHealth: labourer.secondsAtHealth, extraExecutions: labourer.extraExecutions,
                    lambdaAsyncRetries: labourer.lambdaAsyncRetries)
            },
            functions: figures.functions.map {
                Function(
                    name: $0.name, executions: $0.executions, peakConcurrency: $0.peakConcurrency, throttles: $0.throttles,
                    lambdaAsyncRetries: $0.lambdaAsyncRetries)
            },
            awsCalls: figures.awsCalls.map {
                Operation(name: $0.operation, calls: $0.calls, errors: $0.errors, capacityUnits: $0.capacityUnits)
            },
            expectations: result.expectations.map {
                Expectation(name: $0.name, measured: $0.measured, passed: $0.passed, message: $0.message)
            })
        assumptions = RunAssumptions(result: result)
        cost = result.cost
        if let violation = result.invariantViolation {
            invariantViolation = violation
            expectations.append(Expectation(violation))
        }
    }
}
