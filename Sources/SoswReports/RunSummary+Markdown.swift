import SoswCore

extension RunSummary {
    /// `summary.md`: the run for a person — what the scenario is, whether it drained and when (and a warning
    /// for a labourer that can never run), each labourer's tasks, latency and health, the functions, the AWS
    /// calls, the expectations, the assumptions in force and what the figures mean.
    public var markdown: String {
        var text = "# \(record.scenario)\n\n"
        if !description.isEmpty { text += "\(description)\n\n" }
        text += "Seed \(record.seed), \(record.scheduling) scheduling, commit \(record.commit), \(record.toolchain), "
        text += "\(record.configuration) build.\n\n"
        if drained, let after = drainedAfterSeconds {
            text += "**Drained** after \(Self.duration(after)) of simulated time"
        } else {
            text += "**Not drained**: tasks were still open when the run stopped"
        }
        text += " (\(Self.duration(record.simulatedSeconds)) simulated in \(Self.number(record.wallSeconds)) s wall, "
        text += "\(Self.number(record.speedup))× real time, \(record.events) events, \(Self.number(record.eventsPerSecond)) events/s).\n\n"
        text += invariantViolationMarkdown
        if let assumptions { text += Self.markdownWarnings(assumptions) }

        text += "## Labourers\n\n"
        text += "| labourer | created | completed | dead | invocations | expired | retries | Lambda async retries "
        text += "| peak running | mean running | cap | duplicate executions | extra executions | latency p50 | p90 | p99 |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for labourer in labourers {
            text += "| \(labourer.id) | \(labourer.created) | \(labourer.completed) | \(labourer.dead) | \(labourer.invocations) "
            text += "| \(labourer.expired) | \(labourer.retries) | \(labourer.lambdaAsyncRetries) | \(labourer.peakRunning) "
            text += "| \(Self.number(labourer.meanRunning)) | \(labourer.cap) | \(labourer.duplicateExecutions) "
            text += "| \(labourer.extraExecutions) | \(Self.duration(labourer.latencyP50)) "
            text += "| \(Self.duration(labourer.latencyP90)) | \(Self.duration(labourer.latencyP99)) |\n"
        }
        let healthy = labourers.filter { !$0.secondsAtHealth.isEmpty }
        if !healthy.isEmpty {
            text += "\nTime at each health level (0 bad … 4 high), as the Orchestrator read it:\n\n"
            for labourer in healthy {
                let levels = labourer.secondsAtHealth.keys.sorted().map { "\($0): \(Self.duration(labourer.secondsAtHealth[$0]!))" }
                text += "- \(labourer.id): \(levels.joined(separator: ", "))\n"
            }
        }

        text += "\n## Lambda functions\n\n| function | executions | peak concurrency | throttles | Lambda async retries |\n"
        text += "|---|---:|---:|---:|---:|\n"
        for function in functions {
            text += "| \(function.name) | \(function.executions) | \(function.peakConcurrency) | \(function.throttles) "
            text += "| \(function.lambdaAsyncRetries) |\n"
        }

        text += "\n## AWS calls\n\n| operation | calls | errors | capacity units |\n|---|---:|---:|---:|\n"
        for operation in awsCalls {
            text += "| \(operation.name) | \(operation.calls) | \(operation.errors) | \(Self.number(operation.capacityUnits)) |\n"
        }
        text += "| total | \(awsCalls.reduce(0) { $0 + $1.calls }) | | |\n"

        if let cost { text += Self.markdown(cost) }

        if !expectations.isEmpty {
            text += "\n## Expectations\n\n"
            for expectation in expectations {
                text += "- \(expectation.passed ? "✅" : "❌") \(expectation.name): \(expectation.measured)"
                text += expectation.passed ? "\n" : " — \(expectation.message)\n"
            }
        }
        if let assumptions { text += Self.markdown(assumptions) }
        text += RunGlossary.markdown
        text += "\nEvents SHA-256 `\(record.eventsSHA256)`.\n"
        return text
    }

    /// `2h 41m 5s` from seconds.
    public static func duration(_ seconds: Double) -> String {
        var rest = Int(seconds.rounded())
        guard rest > 0 else { return seconds > 0 ? "\(number(seconds))s" : "0s" }
        var parts: [String] = []
        for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)s") }
        return parts.joined(separator: " ")
    }

    /// Three significant decimals below 100, whole numbers above: stable text without locale formatting.
    public static func number(_ value: Double) -> String {
        if abs(value) >= 100 { return String(Int64(value.rounded())) }
        let thousandths = Int64((value * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
