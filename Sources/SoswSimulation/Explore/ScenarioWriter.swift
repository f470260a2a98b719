import SoswCore

/// Writes a ``Scenario`` back as scenario-file YAML that loads to the same scenario: what `sosw explore`
/// saves for a failing seed (`scenario.yaml`, `minimal.yaml`) so that `sosw simulate` replays it.
///
/// It writes every part exploration draws or shrinks: the stop condition, the essentials' schedules, the
/// `config` (as JSON, which is YAML), the Lambda functions, constant, step and reactive metrics, the load,
/// the services' latency and every fault. Durations are written in milliseconds (or exact seconds below
/// that), numbers in their shortest round-trip form. Parts the explorer never draws — expectations, a
/// `pricing:` section, replayed metrics and empirical durations, which name files — are refused with
/// ``Unwritable`` rather than written wrong.
public enum ScenarioWriter {
    /// A part of the scenario this writer cannot write.
    public struct Unwritable: Error, CustomStringConvertible {
        public var part: String
        public var description: String { "cannot write \(part) as scenario YAML" }
    }

    public static func yaml(_ scenario: Scenario) throws(Unwritable) -> String {
        guard scenario.expectations.isEmpty else { throw Unwritable(part: "expectations") }
        var lines: [String] = [
            "name: \(scenario.name)",
            "description: \(quoted(scenario.description))",
            "seed: \(scenario.seed)",
            "start: \(scenario.start.iso8601)",
        ]
        switch scenario.stop {
        case .after(let duration): lines.append("stop: {after: \(text(duration))}")
        case .whenDrained(let atMost): lines.append("stop: {when: drained, at_most: \(text(atMost))}")
        }
        lines.append("essentials:")
        for schedule in scenario.essentials {
            lines.append("  \(schedule.essential.rawValue): {every: \(text(schedule.every)), offset: \(text(schedule.offset)), jitter: \(text(schedule.jitter))}")
        }
        lines.append("config: \(scenario.config.pythonDumps())")
        lines.append("lambda:")
        lines.append("  account_concurrency: \(scenario.lambda.accountConcurrency)")
        if !scenario.lambda.functions.isEmpty {
            lines.append("  functions:")
            for function in scenario.lambda.functions {
                lines.append("    \(function.name): \(try self.function(function))")
            }
        }
        if !scenario.metrics.isEmpty {
            lines.append("metrics:")
            for metric in scenario.metrics { lines.append("  - \(try self.metric(metric))") }
        }
        if !scenario.load.isEmpty {
            lines.append("load:")
            for entry in scenario.load { lines.append("  - \(load(entry))") }
        }
        lines.append(try latency(scenario.latency))
        if !scenario.faults.isEmpty {
            lines.append("faults:")
            for fault in scenario.faults { lines.append("  - \(try self.fault(fault))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private static func function(_ function: FunctionModel) throws(Unwritable) -> String {
        var fields = [
            "timeout: \(text(function.timeout))", "memory_mb: \(function.memoryMB)",
            "duration: \(try distribution(function.duration))",
            "outcomes: {complete: \(number(function.outcomes.complete)), fail: \(number(function.outcomes.fail)), hang: \(number(function.outcomes.hang))}",
            "outcome_scope: \(function.outcomeScope.rawValue)", "max_retry_attempts: \(function.maxRetryAttempts)",
            "max_event_age: \(text(function.maxEventAge))",
        ]
        if let reserved = function.reservedConcurrency { fields.append("reserved_concurrency: \(reserved)") }
        return "{\(fields.joined(separator: ", "))}"
    }

    private static func distribution(_ distribution: Distribution) throws(Unwritable) -> String {
        switch distribution {
        case .fixed(let value): "{fixed: \(text(value))}"
        case .uniform(let low, let high): "{uniform: [\(text(low)), \(text(high))]}"
        case .lognormal(let median, let p99): "{lognormal: {median: \(text(median)), p99: \(text(p99))}}"
        case .exponential(let mean): "{exponential: \(text(mean))}"
        case .empirical: throw Unwritable(part: "an empirical duration (it names a CSV file)")
        }
    }

    private static func metric(_ metric: SimulatedMetric) throws(Unwritable) -> String {
        let dimensions = metric.dimensions.map { "\(quoted($0.name)): \(quoted($0.value))" }.joined(separator: ", ")
        let model: String
        switch metric.model {
        case .constant(let value):
            model = "{constant: \(number(value))}"
        case .steps(let steps):
            model = "{steps: [\(steps.map { "[\(text($0.offset)), \(number($0.value))]" }.joined(separator: ", "))]}"
        case .reactive(let reactive):
            guard reactive.bounds == nil else { throw Unwritable(part: "a reactive metric's bounds") }
            let weights = reactive.perRunning.keys.sorted().map { "\(quoted($0)): \(number(reactive.perRunning[$0]!))" }
            model = "{reactive: {base: \(number(reactive.base)), per_running: {\(weights.joined(separator: ", "))}, "
                + "lag: \(text(reactive.lag)), noise: \(number(reactive.noise))}}"
        case .replay:
            throw Unwritable(part: "a replayed metric (it names a CSV file)")
        }
        return "{namespace: \(quoted(metric.namespace)), name: \(quoted(metric.name)), dimensions: {\(dimensions)}, model: \(model)}"
    }

    private static func load(_ entry: LoadEntry) -> String {
        var fields: [String]
        switch entry.trigger {
        case .at(let offset):
            fields = ["at: \(text(offset))"]
        case .every(let period, let from, let until):
            fields = ["every: \(text(period))", "from: \(text(from))"]
            if let until { fields.append("until: \(text(until))") }
        }
        switch entry.work {
        case .job(let job):
            fields.append("job: \(job.pythonDumps())")
        case .tasks(let batch):
            fields.append("tasks: {labourer: \(quoted(batch.labourer)), count: \(batch.count), payload: \(batch.payload.pythonDumps())}")
        case .rate(let rate):
            fields.append("rate: {labourer: \(quoted(rate.labourer)), per_minute: \(curve(rate.perMinute)), over: \(text(rate.over)), payload: \(rate.payload.pythonDumps())}")
        }
        return "{\(fields.joined(separator: ", "))}"
    }

    private static func curve(_ curve: RateCurve) -> String {
        switch curve {
        case .constant(let rate): "{constant: \(number(rate))}"
        case .ramp(let from, let to): "{ramp: [\(number(from)), \(number(to))]}"
        case .step(let steps): "{step: [\(steps.map { "[\(text($0.offset)), \(number($0.value))]" }.joined(separator: ", "))]}"
        case .sine(let mean, let amplitude, let period): "{sine: {mean: \(number(mean)), amplitude: \(number(amplitude)), period: \(text(period))}}"
        }
    }

    private static func latency(_ latency: ServiceLatency) throws(Unwritable) -> String {
        var fields: [String] = []
        for (key, distribution) in [("dynamodb", latency.dynamodb), ("lambda_invoke", latency.lambdaInvoke), ("cloudwatch", latency.cloudwatch)] {
            switch distribution {
            case .fixed(.zero): fields.append("\(key): {p50: 0s, p99: 0s}")
            case .lognormal(let median, let p99): fields.append("\(key): {p50: \(text(median)), p99: \(text(p99))}")
            default: throw Unwritable(part: "a \(key) latency other than {p50, p99}")
            }
        }
        return "latency: {\(fields.joined(separator: ", "))}"
    }

    /// One fault as an element of `faults:` writes it, e.g. `{dynamodb: {internal_error: 0.01}}`.
    public static func yaml(of fault: Fault) throws(Unwritable) -> String {
        try self.fault(fault)
    }

    private static func fault(_ fault: Fault) throws(Unwritable) -> String {
        switch fault {
        case .dynamoDBThrottle(let throttle):
            let index = throttle.index.map { ", index: \(quoted($0))" } ?? ""
            return "{dynamodb: {throttle: {table: \(quoted(throttle.table))\(index), from: \(text(throttle.from)), "
                + "for: \(text(throttle.duration)), probability: \(number(throttle.probability)), kind: \(throttle.kind.rawValue)}}}"
        case .dynamoDBIndexLag(let lag):
            guard case .lognormal(let median, let p99) = lag.lag else { throw Unwritable(part: "an index lag other than {p50, p99}") }
            return "{dynamodb: {index_lag: {table: \(quoted(lag.table)), index: \(quoted(lag.index)), p50: \(text(median)), p99: \(text(p99))}}}"
        case .lambdaDuplicateDelivery(let probability): return "{lambda: {duplicate_delivery: \(number(probability))}}"
        case .essential(let essential):
            return "{essentials: {\(essential.essential.rawValue): {overlap: \(number(essential.overlap)), crash: \(number(essential.crash))}}}"
        case .dynamoDBLatencySpike(let spike): return "{dynamodb: {latency_spike: \(chance(spike))}}"
        case .dynamoDBInternalError(let probability): return "{dynamodb: {internal_error: \(number(probability))}}"
        case .dynamoDBConditionalRace(let race): return "{dynamodb: {conditional_race: \(chance(race))}}"
        case .lambdaTooManyRequests(let probability): return "{lambda: {too_many_requests: \(number(probability))}}"
        case .lambdaLateDelivery(let late): return "{lambda: {late_delivery: \(chance(late))}}"
        case .lambdaTimeout(let probability): return "{lambda: {timeout: \(number(probability))}}"
        case .lambdaLostEvent(let probability): return "{lambda: {lost_event: \(number(probability))}}"
        case .cloudWatchMissingDatapoints(let probability): return "{cloudwatch: {missing_datapoints: \(number(probability))}}"
        case .cloudWatchDelayedDatapoints(let delayed): return "{cloudwatch: {delayed_datapoints: \(chance(delayed))}}"
        case .snsPublishFailure(let probability): return "{sns: {publish_failure: \(number(probability))}}"
        }
    }

    private static func chance(_ chance: ChanceOfDelay) -> String {
        "{probability: \(number(chance.probability)), delay: \(text(chance.delay))}"
    }

    // MARK: Values

    /// `1500ms`, or exact seconds (`0.000250001s`) for a duration that is not whole milliseconds.
    static func text(_ duration: Duration) -> String {
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        if nanoseconds % 1_000_000 == 0 { return "\(nanoseconds / 1_000_000)ms" }
        let whole = nanoseconds / 1_000_000_000
        let fraction = String(nanoseconds % 1_000_000_000)
        return "\(whole).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)s"
    }

    /// The shortest text that reads back as the same double, always with a decimal point or exponent so that
    /// YAML reads a float; whole numbers as integers (the parser reads both as numbers).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A double-quoted YAML string (JSON's escapes are YAML's).
    static func quoted(_ text: String) -> String {
        JSONValue.string(text).pythonDumps()
    }
}
