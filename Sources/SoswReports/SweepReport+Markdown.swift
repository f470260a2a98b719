import Foundation

extension SweepReport {
    /// `sweep.md`: per variant the drain time and cost (mean and min–max over the seeds), p99 latency, retries
    /// and dead tasks; with a drain bound, which variants meet it and which of them is cheapest, in one line a
    /// planner can quote.
    public var markdown: String {
        let variants = variants
        let cheapest = cheapestWithinBound
        var text = "# Sweep of \(scenario)\n\n"
        let seeds = variants.first?.seeds.map(String.init).joined(separator: ", ") ?? ""
        text += "\(variants.count) variant\(variants.count == 1 ? "" : "s") of `\(file)` × seeds \(seeds): \(runs.count) runs."
        if !paths.isEmpty { text += " Set: " + paths.map { "`\($0)`" }.joined(separator: ", ") + "." }
        text += "\n\n"
        if let bound = drainBoundSeconds {
            let label = RunSummary.duration(bound)
            if let cheapest {
                text += "**Cheapest variant draining in under \(label) in every seed: `\(cheapest.name)`**"
                text += " — mean cost \(Self.dollars(cheapest.cost!.mean)), mean drain time \(RunSummary.duration(cheapest.drainTime!.mean)).\n\n"
            } else if variants.allSatisfy({ $0.cost == nil }) {
                text += "No variant can be called cheapest under \(label): the runs have no cost figures.\n\n"
            } else {
                text += "**No variant drains in under \(label) in every seed.**\n\n"
            }
        }
        var header = ["variant"] + paths.map { $0.split(separator: ".").last.map(String.init) ?? $0 }
        header += ["drain time (mean)", "drain min–max", "cost (mean)", "cost min–max", "p99 latency (max)", "retries", "dead"]
        if let bound = drainBoundSeconds { header.append("under \(RunSummary.duration(bound))") }
        text += "| " + header.joined(separator: " | ") + " |\n"
        let numeric = (paths.count + 1)..<(paths.count + 8)
        text += "|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for variant in variants {
            var cells = ["`\(variant.name)`"] + variant.values
            cells += [
                Self.drainMean(variant), variant.drainTime.map { Self.range($0, RunSummary.duration) } ?? "—",
                variant.cost.map { Self.dollars($0.mean) } ?? "—", variant.cost.map { Self.range($0, Self.dollars) } ?? "—",
                variant.latencyP99.map { RunSummary.duration($0.max) } ?? "—", String(variant.retries), String(variant.dead),
            ]
            if let bound = drainBoundSeconds {
                cells.append(variant.name == cheapest?.name ? "**yes, cheapest**" : variant.drains(within: bound) ? "yes" : "no")
            }
            text += "| " + cells.map(Self.cell).joined(separator: " | ") + " |\n"
        }
        text += "\nEvery run: `sweep.csv`; each run's own outputs: `runs/<variant>-seed<N>/`; all runs: `run.sqlite`.\n"
        return text
    }

    static func drainMean(_ variant: Variant) -> String {
        guard let drain = variant.drainTime else { return "not drained" }
        let mean = RunSummary.duration(drain.mean)
        return variant.undrained == 0 ? mean : "\(mean) (\(variant.undrained) of \(variant.seeds.count) not drained)"
    }

    static func range(_ spread: Spread, _ format: (Double) -> String) -> String {
        spread.min == spread.max ? format(spread.min) : "\(format(spread.min))–\(format(spread.max))"
    }

    /// `$1.23` from a dollar up; below, four significant digits (`$0.01586`), so variants that differ by a
    /// fraction of a cent still read apart.
    static func dollars(_ value: Double) -> String {
        guard value > 0, value < 1 else { return String(format: "$%.2f", value) }
        let decimals = min(10, 3 - Int(log10(value).rounded(.down)))
        return String(format: "$%.\(decimals)f", value)
    }

    /// A table cell: pipes escaped so a value cannot break the table.
    private static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
