import SoswCore

/// When a scenario that stops `{when: drained}` must have drained by, if nothing is wrong: the last load,
/// then every attempt of a task run out (its labourer's running window, `duration` + `cooldown`, then the
/// retry delay), then a few Orchestrator and Scavenger periods to notice. Nil when the scenario need not
/// drain: it stops after a fixed time, its load never ends, or a fault is still active when it stops
/// (throttling windows end; every other fault lasts the whole run).
enum DrainDeadline {
    /// Essential periods allowed after the last attempt, to pick the task up, see it expire and archive it.
    static let periodsToNotice = 4

    static func of(_ scenario: Scenario, configuration: SoswConfiguration) -> UnixTime? {
        guard case .whenDrained(let atMost) = scenario.stop else { return nil }
        var lastLoad = Duration.zero
        for entry in scenario.load {
            var last: Duration
            switch entry.trigger {
            case .at(let offset): last = offset
            case .every(_, _, let until):
                guard let until else { return nil }
                last = until
            }
            if case .rate(let rate) = entry.work { last += rate.over }
            lastLoad = max(lastLoad, last)
        }
        for fault in scenario.faults {
            switch fault {
            case .dynamoDBThrottle(let throttle):
                if throttle.from + throttle.duration >= atMost { return nil }
                lastLoad = max(lastLoad, throttle.from + throttle.duration)
            default:
                return nil
            }
        }
        let timeouts = Dictionary(scenario.lambda.functions.map { ($0.name, $0.timeout) }, uniquingKeysWith: max)
        var attemptsTake = Duration.zero
        for labourer in configuration.taskManager.labourers {
            let function = configuration.labourerFunctions.first { $0.id == labourer.id }?.function
            let timeout = labourer.maxDuration ?? function.flatMap { timeouts[$0] } ?? FunctionModel.maximumTimeout
            var total = Duration.zero
            for attempt in 1...max(labourer.maxAttempts, 1) {
                total += labourer.duration + labourer.cooldown + longestRetryDelay(labourer, attempt, timeout)
            }
            attemptsTake = max(attemptsTake, total)
        }
        let period = scenario.essentials.map(\.every).max() ?? .zero
        let jitter = scenario.essentials.map(\.jitter).max() ?? .zero
        return scenario.start + lastLoad + attemptsTake + (period + jitter) * periodsToNotice
    }

    private static func longestRetryDelay(_ labourer: Labourer, _ attempts: Int, _ timeout: Duration) -> Duration {
        switch labourer.retryDelay {
        case .linear: .seconds(timeout.components.seconds * Int64(attempts))
        case .exponential(_, _, let cap): cap
        }
    }
}
