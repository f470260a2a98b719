import SoswCore

extension Scenario {
    /// Checks what the types alone cannot: that every name the scenario uses is declared (the labourers of
    /// loads, metrics and expectations, the labourers' functions, the health metrics' simulations), that the
    /// `config` is one the essentials can read, that periods and spans are positive and within
    /// ``ScenarioLimits``, and that each Scheduler job chunks into tasks on the start date.
    ///
    /// ``ScenarioLoader`` calls it on every file it loads and adds the line of the key path to the error;
    /// ``ScenarioRun/run(seed:scheduling:strict:eventsPath:keepsLines:progress:inspect:)`` calls it before every
    /// run, so a scenario built in code fails with the same message a file would get, instead of, say, never
    /// draining a load for a labourer nobody runs. What only a file has (unknown keys, wrong types, a region its
    /// price file lacks) is the loader's alone.
    ///
    /// - Parameter file: the file the scenario was read from, for the errors; nil for a scenario built in code,
    ///   whose errors then say so in place of a file name.
    /// - Returns: the scenario's `config` as the essentials read it.
    /// - Throws: the first problem found, as a ``ScenarioError`` with the key path a file would have (no line).
    @discardableResult
    public func validate(file: String? = nil) throws(ScenarioError) -> SoswConfiguration {
        let check = ScenarioCheck(file: file ?? "scenario '\(name)' (built in code)")
        try check.stop(stop)
        try check.essentials(essentials)
        let configuration = try check.configuration(config)
        try check.labourerFunctions(configuration, lambda: lambda)
        try check.functions(lambda.functions)
        let functions = lambda.functions.map(\.name)
        try check.metrics(metrics, functions: functions)
        try check.healthMetricsAreSimulated(configuration, metrics: metrics)
        for (index, entry) in load.enumerated() {
            try check.loadEntry(entry, path: "load[\(index)]", configuration: configuration, start: start)
        }
        for (index, expectation) in expectations.enumerated() {
            try check.expectation(expectation, path: "expect[\(index)]", configuration: configuration, functions: functions)
        }
        return configuration
    }
}

/// The checks of ``Scenario/validate(file:)``, one per section, each throwing with the key path a file uses.
private struct ScenarioCheck {
    let file: String

    func error(_ keyPath: String, _ problem: String) -> ScenarioError {
        ScenarioError(file: file, line: nil, keyPath: keyPath, problem: problem)
    }

    func stop(_ stop: StopCondition) throws(ScenarioError) {
        switch stop {
        case .after(let after): try duration(after, path: "stop.after", positive: true)
        case .whenDrained(let atMost): try duration(atMost, path: "stop.at_most", positive: true)
        }
    }

    func essentials(_ schedules: [EssentialSchedule]) throws(ScenarioError) {
        for schedule in schedules {
            let path = "essentials.\(schedule.essential.rawValue)"
            try period(schedule.every, path: "\(path).every")
            try duration(schedule.offset, path: "\(path).offset")
            try duration(schedule.jitter, path: "\(path).jitter")
            if schedule.jitter >= schedule.every {
                throw error("\(path).jitter", "jitter (\(schedule.jitter)) is not below every (\(schedule.every)); runs would change order")
            }
        }
    }

    /// The `config` as the essentials will read it (TaskManager, Orchestrator, Scavenger, Scheduler), so a bad
    /// setting fails before the run rather than in the middle of it.
    func configuration(_ config: JSONValue) throws(ScenarioError) -> SoswConfiguration {
        do {
            return try SoswConfiguration(custom: config)
        } catch let error as ConfigError {
            let found = error.value.map { "got \($0.serialized())" } ?? "the key is missing"
            throw self.error(error.path.isEmpty ? "config" : "config.\(error.path)", "expected \(error.expectation), \(found)")
        } catch {
            throw self.error("config", "\(error)")
        }
    }

    /// Every labourer's `arn` must name a function of `lambda.functions`: the Orchestrator invokes it there.
    func labourerFunctions(_ configuration: SoswConfiguration, lambda: LambdaSettings) throws(ScenarioError) {
        let declared = lambda.functions.map(\.name)
        for labourer in configuration.labourerFunctions where !declared.contains(labourer.function) {
            let problem = "the labourer's function '\(labourer.function)' is not in lambda.functions;"
                + NearMiss.hint(for: labourer.function, among: declared)
                + (declared.isEmpty ? " no functions are declared" : " declared: \(declared.joined(separator: ", "))")
            throw error("config.task_config.labourers.\(labourer.id).arn", problem)
        }
    }

    func functions(_ functions: [FunctionModel]) throws(ScenarioError) {
        for function in functions {
            let path = "lambda.functions.\(function.name).timeout"
            try duration(function.timeout, path: path, positive: true)
            guard function.timeout <= FunctionModel.maximumTimeout else {
                throw error(path, "\(function.timeout) is above Lambda's maximum of 15m")
            }
        }
    }

    /// A reactive metric follows the running executions of functions the scenario declares.
    func metrics(_ metrics: [SimulatedMetric], functions: [String]) throws(ScenarioError) {
        for (index, metric) in metrics.enumerated() {
            guard case .reactive(let reactive) = metric.model else { continue }
            for function in reactive.perRunning.keys.sorted() where !functions.contains(function) {
                throw error("metrics[\(index)].model.reactive.per_running.\(function)",
                            NearMiss.unknownName("function", function, among: functions, declaredIn: "lambda.functions"))
            }
        }
    }

    /// Every health metric a labourer reads must be simulated: CloudWatch would return no datapoints, the
    /// metric would count as bad (status 0) and the labourer would never be invoked — a silent stall.
    /// Metrics with `on_missing_data: ignore` are exempt, as that is then the configured behaviour.
    func healthMetricsAreSimulated(_ configuration: SoswConfiguration, metrics: [SimulatedMetric]) throws(ScenarioError) {
        for labourer in configuration.taskManager.labourers {
            for health in labourer.healthMetrics where health.onMissingData != .ignore {
                let namespace = health.details["Namespace"]?.stringValue ?? ""
                let name = health.details["MetricName"]?.stringValue ?? ""
                let dimensions = (health.details["Dimensions"]?.arrayValue ?? []).compactMap { dimension -> MetricDimension? in
                    guard let key = dimension["Name"]?.stringValue, let value = dimension["Value"]?.stringValue else { return nil }
                    return MetricDimension(name: key, value: value)
                }.sorted { $0.name < $1.name }
                guard !metrics.contains(where: { $0.namespace == namespace && $0.name == name && $0.dimensions == dimensions }) else { continue }
                let shown = dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
                throw error(
                    "config.task_config.labourers.\(labourer.id).health_metrics.\(health.name).details",
                    "no entry of `metrics` simulates \(namespace) \(name) {\(shown)}; without data the labourer is never invoked (add the metric, or set on_missing_data: ignore)")
            }
        }
    }

    func loadEntry(_ entry: LoadEntry, path: String, configuration: SoswConfiguration, start: UnixTime) throws(ScenarioError) {
        switch entry.trigger {
        case .at(let at):
            try duration(at, path: "\(path).at")
        case .every(let every, let from, let until):
            try period(every, path: "\(path).every")
            try duration(from, path: "\(path).from")
            if let until {
                try duration(until, path: "\(path).until")
                if until < from { throw error("\(path).until", "until (\(until)) is before from (\(from))") }
            }
        }
        let labourers = configuration.labourerFunctions.map(\.id)
        switch entry.work {
        case .job(let job):
            try schedulerJob(job, path: "\(path).job", configuration: configuration, start: start)
        case .tasks(let batch):
            try labourer(batch.labourer, path: "\(path).tasks.labourer", among: labourers)
            let range = ScenarioLimits.tasksPerLoadEntry
            guard range.contains(Int64(batch.count)) else {
                throw error("\(path).tasks.count", "expected an integer from \(range.lowerBound) to \(range.upperBound), got \(batch.count)")
            }
        case .rate(let rate):
            try labourer(rate.labourer, path: "\(path).rate.labourer", among: labourers)
            if case .sine(_, _, let sinePeriod) = rate.perMinute {
                try period(sinePeriod, path: "\(path).rate.per_minute.sine.period")
            }
            try duration(rate.over, path: "\(path).rate.over", positive: true)
        }
    }

    /// A Scheduler job, checked as the Scheduler will take it: `lambda_name` names a labourer, the schema
    /// exists, and on the start date the job chunks into at least one task.
    private func schedulerJob(_ job: JSONValue, path: String, configuration: SoswConfiguration, start: UnixTime) throws(ScenarioError) {
        let parsed: SchedulerJob
        do {
            parsed = try SchedulerJob(event: job)
        } catch {
            throw self.error(path, error.reason)
        }
        try labourer(parsed.labourerID, path: "\(path).lambda_name", among: configuration.labourerFunctions.map(\.id))
        let scheduler = configuration.scheduler
        let tasks: [JSONValue]
        do {
            let schema = try scheduler.jobSchema(named: parsed.schemaName)
            let chunker = JobChunker(attributes: schema.chunkableAttributes, periods: try PeriodResolver(customPatterns: scheduler.customPeriodPatterns))
            tasks = try chunker.tasks(for: parsed.body, labourerID: parsed.labourerID, today: CivilDate(start))
        } catch let error as ConfigError {
            throw self.error(path, "the Scheduler cannot take this job: config \(error.path) expected \(error.expectation)")
        } catch {
            throw self.error(path, "the Scheduler cannot take this job: \(error)")
        }
        guard !tasks.isEmpty else { throw error(path, "the job produces no tasks on the start date") }
    }

    func expectation(_ expectation: Expectation, path: String, configuration: SoswConfiguration, functions: [String]) throws(ScenarioError) {
        let labourerIDs = configuration.labourerFunctions.map(\.id)
        let workers = labourerIDs + functions.filter { !labourerIDs.contains($0) }
        func expected(_ name: String, _ kind: String) throws(ScenarioError) {
            guard workers.contains(name) else {
                throw error("\(path).\(kind).labourer", NearMiss.unknownName("labourer", name, among: workers, declaredIn: "config.task_config.labourers and lambda.functions"))
            }
        }
        switch expectation {
        case .drained(let name, _): try expected(name, "drained")
        case .completed(let name, _): try expected(name, "completed")
        case .dead(let name, _): try expected(name, "dead")
        case .invocations(let name, _): try expected(name, "invocations")
        case .retries(let name, _): try expected(name, "retries")
        case .maxRunning(let name, _): try expected(name, "max_running")
        case .duplicateExecutions(let name, _): try expected(name, "duplicate_executions")
        case .latency(let name, let percentile, _): try expected(name, percentile.key)
        case .throttles(let function, _):
            guard functions.contains(function) else {
                throw error("\(path).throttles.function", NearMiss.unknownName("function", function, among: functions, declaredIn: "lambda.functions"))
            }
        case .allClosedBy, .noDuplicateInvocations, .awsCalls:
            break
        }
    }

    /// A labourer id of `config.task_config.labourers`.
    private func labourer(_ id: String, path: String, among labourers: [String]) throws(ScenarioError) {
        guard labourers.contains(id) else {
            throw error(path, NearMiss.unknownName("labourer", id, among: labourers, declaredIn: "config.task_config.labourers"))
        }
    }

    /// A span within ``ScenarioLimits/longestDuration``; `positive` also refuses zero.
    private func duration(_ duration: Duration, path: String, positive: Bool = false) throws(ScenarioError) {
        guard duration >= .zero else {
            throw error(path, "'\(ScenarioLimits.text(of: duration))' is negative; expected a duration up to \(ScenarioLimits.longestDurationText)")
        }
        guard duration <= ScenarioLimits.longestDuration else {
            throw error(path, "'\(ScenarioLimits.text(of: duration))' is too long; expected a duration up to \(ScenarioLimits.longestDurationText)")
        }
        if positive, duration == .zero { throw error(path, "expected a duration above zero, got '0s'") }
    }

    /// A period (how often something fires): from ``ScenarioLimits/shortestPeriod`` to the longest duration.
    private func period(_ period: Duration, path: String) throws(ScenarioError) {
        let range = "from 1ms to \(ScenarioLimits.longestDurationText)"
        guard period > .zero else { throw error(path, "expected a duration above zero, got '\(ScenarioLimits.text(of: period))'") }
        try duration(period, path: path)
        guard period >= ScenarioLimits.shortestPeriod else {
            throw error(path, "'\(ScenarioLimits.text(of: period))' is shorter than 1ms, the shortest period simulated (a shorter one would fire millions of times per simulated second); expected a duration \(range)")
        }
    }
}

extension ScenarioLimits {
    /// A duration as a scenario file would write it, exact below a second (`0.5ms`, `250ms`), for messages.
    static func text(of duration: Duration) -> String {
        let negative = duration < .zero
        let magnitude = negative ? .zero - duration : duration
        let shown: String
        if magnitude > .zero, magnitude < .seconds(1) {
            let milliseconds = Double(magnitude.components.attoseconds) / 1e15
            shown = milliseconds == milliseconds.rounded() ? "\(Int(milliseconds))ms" : "\(milliseconds)ms"
        } else {
            shown = DurationText.format(magnitude)
        }
        return negative ? "-" + shown : shown
    }
}

extension NearMiss {
    /// "unknown labourer 'x'; did you mean 'y'? expected one of config.task_config.labourers: a, b".
    static func unknownName(_ what: String, _ name: String, among declared: [String], declaredIn place: String) -> String {
        guard !declared.isEmpty else { return "unknown \(what) '\(name)'; \(place) declares none" }
        return "unknown \(what) '\(name)';\(hint(for: name, among: declared)) expected one of \(place): \(declared.joined(separator: ", "))"
    }
}
