extension RunSummary {
    /// A warning line per labourer whose cap is 0, for the top of `summary.md`: its tasks are created and never
    /// invoked, which no other figure says plainly.
    static func markdownWarnings(_ assumptions: RunAssumptions) -> String {
        var text = ""
        for labourer in assumptions.uncappedLabourers {
            text += "> ⚠️ **Labourer `\(labourer.id)` has a cap of 0** (`max_simultaneous_invocations: \(labourer.cap)`): "
            text += "the Orchestrator never invokes its tasks, so they wait in the queue until the run stops.\n\n"
        }
        return text
    }

    /// The `summary.md` section listing the settings in force.
    static func markdown(_ assumptions: RunAssumptions) -> String {
        var text = "\n## Assumptions in force\n\n"
        text += "- Greenfield task step (`greenfield_task_step`): \(assumptions.greenfieldTaskStep)\n"
        text += "- Lambda account concurrency: \(assumptions.accountConcurrency)\n"
        let shares = assumptions.healthCoefficients.enumerated().map { "\($0.offset): \(Self.number($0.element))" }
        text += "- Share of the cap used at each health level (`invocation_number_coefficient`): \(shares.joined(separator: ", "))\n"
        if !assumptions.labourers.isEmpty {
            text += "\n| labourer | cap (`max_simultaneous_invocations`) | expiry window (duration + cooldown) "
            text += "| max attempts | sosw retry delay |\n|---|---:|---|---:|---|\n"
            for labourer in assumptions.labourers {
                let cap = labourer.cap > 0 ? String(labourer.cap) : "**0 — never invoked**"
                text += "| \(labourer.id) | \(cap) | \(Self.duration(labourer.expiryWindowSeconds)) "
                text += "(\(Self.duration(labourer.durationSeconds)) + \(Self.duration(labourer.cooldownSeconds))) "
                text += "| \(labourer.maxAttempts) | \(labourer.retryDelay) |\n"
            }
        }
        if !assumptions.functions.isEmpty {
            text += "\n| function | timeout | Lambda retry attempts | max event age | reserved concurrency |\n"
            text += "|---|---:|---:|---:|---:|\n"
            for function in assumptions.functions {
                text += "| \(function.name) | \(Self.duration(function.timeoutSeconds)) | \(function.maxRetryAttempts) "
                text += "| \(Self.duration(function.maxEventAgeSeconds)) "
                text += "| \(function.reservedConcurrency.map(String.init) ?? "none (account pool)") |\n"
            }
        }
        return text
    }
}
