import SoswCore

extension Expectation {
    /// Checks the expectation against a finished run's figures.
    public func evaluate(_ figures: RunFigures, drained: Bool) -> ExpectationResult {
        switch self {
        case .allClosedBy(let limit):
            let closedAfter = figures.lastClosedAfter ?? .zero
            if figures.openTasks > 0 {
                return ExpectationResult(
                    name: "all_closed_by \(DurationText.format(limit))", measured: "\(figures.openTasks) still open", passed: false,
                    message: "\(figures.openTasks) tasks were never closed; expected every task closed within \(DurationText.format(limit))")
            }
            return check("all_closed_by \(DurationText.format(limit))", closedAfter, Bounds(atMost: limit), show: DurationText.format,
                         what: "the last task closed after")
        case .drained(let labourer, let limit):
            let tasks = figures.tasks.filter { $0.labourerID == labourer }
            let open = tasks.filter { $0.archived == nil }.count
            let name = "drained \(labourer) by \(DurationText.format(limit))"
            if open > 0 {
                return ExpectationResult(
                    name: name, measured: "\(open) still open", passed: false,
                    message: "\(open) tasks of \(labourer) were never closed; expected all closed within \(DurationText.format(limit))")
            }
            let last = tasks.compactMap(\.archived).max() ?? 0
            return check(name, Duration.seconds(last), Bounds(atMost: limit), show: DurationText.format,
                         what: "the last task of \(labourer) closed after")
        case .completed(let labourer, let bounds):
            return count("completed", labourer, bounds, figures.labourer(labourer)?.completed ?? 0)
        case .dead(let labourer, let bounds):
            return count("dead", labourer, bounds, figures.labourer(labourer)?.dead ?? 0)
        case .invocations(let labourer, let bounds):
            return count("invocations", labourer, bounds, figures.labourer(labourer)?.invocations ?? 0)
        case .retries(let labourer, let bounds):
            return count("retries", labourer, bounds, figures.labourer(labourer)?.retries ?? 0)
        case .maxRunning(let labourer, let bounds):
            return count("max_running", labourer, bounds, figures.labourer(labourer)?.peakRunning ?? 0)
        case .duplicateExecutions(let labourer, let bounds):
            return count("duplicate_executions", labourer, bounds, figures.labourer(labourer)?.duplicateExecutions ?? 0)
        case .throttles(let function, let bounds):
            return count("throttles", function, bounds, figures.function(function)?.throttles ?? 0)
        case .latency(let labourer, let percentile, let bounds):
            let seconds = figures.labourer(labourer)?.latency(percentile: percentile.rawValue) ?? 0
            return check("\(percentile.key) \(labourer) \(bounds.text(DurationText.format))", Duration.seconds(seconds), bounds,
                         show: DurationText.format, what: "the \(percentile.key) task latency of \(labourer) is")
        case .noDuplicateInvocations:
            let duplicates = figures.duplicateInvocations
            return ExpectationResult(
                name: "no_duplicate_invocations", measured: "\(duplicates)", passed: duplicates == 0,
                message: duplicates == 0 ? "" : "\(duplicates) invocations repeated an attempt already invoked; expected none")
        case .awsCalls(let operation, let bounds):
            let calls = operation.map { name in figures.awsCalls.first { $0.operation == name }?.calls ?? 0 } ?? figures.totalAWSCalls
            return count("aws_calls", operation ?? "total", bounds, calls)
        }
    }

    private func count(_ key: String, _ subject: String, _ bounds: Bounds<Int>, _ value: Int) -> ExpectationResult {
        check("\(key) \(subject) \(bounds.text(\.description))", value, bounds, show: \.description, what: "\(key) of \(subject) is")
    }

    private func check<Value>(
        _ name: String, _ value: Value, _ bounds: Bounds<Value>, show: (Value) -> String, what: String
    ) -> ExpectationResult {
        let passed = bounds.contains(value)
        return ExpectationResult(
            name: name, measured: show(value), passed: passed,
            message: passed ? "" : "\(what) \(show(value)); expected \(bounds.text(show))")
    }
}

extension Bounds {
    /// `between 2 and 5`, `at least 2`, `at most 5`.
    func text(_ show: (Value) -> String) -> String {
        switch (atLeast, atMost) {
        case (let low?, let high?): "between \(show(low)) and \(show(high))"
        case (let low?, nil): "at least \(show(low))"
        case (nil, let high?): "at most \(show(high))"
        case (nil, nil): "any value"
        }
    }
}

