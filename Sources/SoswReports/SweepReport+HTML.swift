extension SweepReport {
    /// `sweep.html`: one self-contained page (inline CSS and SVG, nothing loaded from the network, no script)
    /// with the answer to the drain bound, a chart of drain time against cost with one point per variant (the
    /// mean, with whiskers over the seeds' min–max), the per-variant table and every run.
    public var html: String {
        let variants = variants
        let cheapest = cheapestWithinBound
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        page += "<title>\(Markup.escape("Sweep of \(scenario)"))</title><style>\(HTMLReportAssets.styleSheet)</style></head><body><main>"
        page += "<header class=\"run\"><h1>\(Markup.escape("Sweep of \(scenario)"))</h1>"
        let seeds = variants.first?.seeds.map(String.init).joined(separator: ", ") ?? ""
        page += "<p class=\"description\">\(variants.count) variants of <code>\(Markup.escape(file))</code> × seeds \(Markup.escape(seeds)): \(runs.count) runs."
        if !paths.isEmpty {
            page += " Set: " + paths.map { "<code>\(Markup.escape($0))</code>" }.joined(separator: ", ") + "."
        }
        page += "</p>"
        if let bound = drainBoundSeconds {
            let label = Markup.escape(RunSummary.duration(bound))
            if let cheapest {
                page += "<p><span class=\"badge good\">Cheapest draining in under \(label) in every seed: \(Markup.escape(cheapest.name))</span> "
                page += "mean cost \(Markup.escape(Self.dollars(cheapest.cost!.mean))), mean drain time \(Markup.escape(RunSummary.duration(cheapest.drainTime!.mean)))</p>"
            } else {
                page += "<p><span class=\"badge bad\">No variant drains in under \(label) in every seed with a cost</span></p>"
            }
        }
        page += "</header>"
        page += "<section class=\"block\"><h2>Drain time against cost</h2>\(chart(variants, cheapest: cheapest?.name))</section>"
        page += "<section class=\"block\"><h2>Variants</h2>\(variantTable(variants, cheapest: cheapest?.name))</section>"
        page += "<section class=\"block\"><h2>Runs</h2>\(runTable)</section>"
        page += "<footer>Every run: sweep.csv; each run's own outputs and report.html: runs/&lt;variant&gt;-seed&lt;N&gt;/; all runs: run.sqlite.</footer>"
        page += "</main></body></html>\n"
        return page
    }

    /// One point per variant at (mean cost, mean drain time), whiskers to the seeds' min and max; the drain bound
    /// as a dashed line; the cheapest variant within it ringed. Without cost figures, variants are spread along x
    /// in grid order instead.
    private func chart(_ variants: [Variant], cheapest: String?) -> String {
        let plotted = variants.filter { $0.drainTime != nil }
        guard !plotted.isEmpty else { return "<p>No variant drained, so there is no drain time to plot.</p>" }
        let hasCost = plotted.allSatisfy { $0.cost != nil }
        func x(_ variant: Variant) -> Spread {
            if hasCost, let cost = variant.cost { return cost }
            let index = Double((plotted.firstIndex(of: variant) ?? 0) + 1)
            return Spread([index])!
        }
        let xTop = max(plotted.map { x($0).max }.max() ?? 1, hasCost ? 0 : Double(plotted.count + 1)) * 1.1
        let yData = plotted.map { $0.drainTime!.max } + [drainBoundSeconds ?? 0]
        let hours = (yData.max() ?? 0) >= 7200
        let yUnit = hours ? 3600.0 : 60.0
        let yTop = max((yData.max() ?? 0) / yUnit * 1.1, 1)
        let xScale = ChartScale(domain: 0...max(xTop, 1e-9), start: ChartFrame.plotLeft, end: ChartFrame.plotRight)
        let yScale = ChartScale(domain: 0...yTop, start: ChartFrame.plotBottom, end: ChartFrame.plotTop)
        let c = ChartNumber.coordinate
        var marks = ""
        if let bound = drainBoundSeconds {
            let y = yScale.position(bound / yUnit)
            marks += "<line x1=\"\(c(ChartFrame.plotLeft))\" x2=\"\(c(ChartFrame.plotRight))\" y1=\"\(c(y))\" y2=\"\(c(y))\" stroke=\"\(Palette.limit)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
        }
        for variant in plotted {
            let drain = variant.drainTime!
            let cost = x(variant)
            let px = xScale.position(cost.mean)
            let py = yScale.position(drain.mean / yUnit)
            marks += "<g stroke=\"\(Palette.queued)\" stroke-width=\"1.2\">"
            marks += "<line x1=\"\(c(px))\" x2=\"\(c(px))\" y1=\"\(c(yScale.position(drain.min / yUnit)))\" y2=\"\(c(yScale.position(drain.max / yUnit)))\"/>"
            marks += "<line x1=\"\(c(xScale.position(cost.min)))\" x2=\"\(c(xScale.position(cost.max)))\" y1=\"\(c(py))\" y2=\"\(c(py))\"/></g>"
            marks += "<circle cx=\"\(c(px))\" cy=\"\(c(py))\" r=\"4.5\" fill=\"\(Palette.queued)\"><title>\(Markup.escape(pointTitle(variant)))</title></circle>"
            if variant.name == cheapest {
                marks += "<circle cx=\"\(c(px))\" cy=\"\(c(py))\" r=\"9\" fill=\"none\" stroke=\"\(Palette.running)\" stroke-width=\"2\"/>"
            }
            let label = variant.values.isEmpty ? variant.name : variant.values.joined(separator: ", ")
            // Labels of points in the right half go to their left, so they stay inside the chart.
            let leftward = px > (ChartFrame.plotLeft + ChartFrame.plotRight) / 2
            marks += "<text x=\"\(c(leftward ? px - 8 : px + 8))\" y=\"\(c(py - 8))\"\(leftward ? " text-anchor=\"end\"" : "") fill=\"#111827\">\(Markup.escape(label))</text>"
        }
        let xTicks = ChartScale.ticks(upTo: xTop, atMost: 6, minimum: hasCost ? 1e-6 : 1).map {
            ChartFrame.Tick(position: xScale.position($0), label: hasCost ? Self.dollars($0) : ($0 == 0 ? "" : String(Int($0))))
        }
        let yTicks = ChartScale.ticks(upTo: yTop, atMost: 5, minimum: hours ? 0.5 : 1).map {
            ChartFrame.Tick(position: yScale.position($0), label: ChartNumber.count($0) + (hours ? "h" : "m"))
        }
        var legend = [ChartFrame.LegendEntry(name: "variant: mean, min–max over seeds", color: Palette.queued)]
        if drainBoundSeconds != nil { legend.append(.init(name: "drain bound", color: Palette.limit, dashed: true)) }
        if cheapest != nil { legend.append(.init(name: "cheapest within bound", color: Palette.running)) }
        let frame = ChartFrame(
            id: "sweep-drain-cost", title: hasCost ? "Drain time against cost" : "Drain time per variant",
            summary: "One point per variant: \(plotted.map(pointTitle).joined(separator: "; ")).",
            xTitle: hasCost ? "cost (US dollars, mean over seeds)" : "variant, in grid order",
            yTitle: "drain time (\(hours ? "hours" : "minutes"), mean over seeds)", xTicks: xTicks, yTicks: yTicks, legend: legend)
        return frame.svg(marks: marks)
    }

    private func pointTitle(_ variant: Variant) -> String {
        var text = "\(variant.name): drains in \(Self.drainMean(variant))"
        if let cost = variant.cost { text += ", costs \(Self.dollars(cost.mean))" }
        return text
    }

    private func variantTable(_ variants: [Variant], cheapest: String?) -> String {
        var table = "<table><thead><tr><th>variant</th>"
        table += paths.map { "<th>\(Markup.escape($0.split(separator: ".").last.map(String.init) ?? $0))</th>" }.joined()
        table += "<th class=\"number\">drain time (mean)</th><th class=\"number\">min–max</th><th class=\"number\">cost (mean)</th>"
        table += "<th class=\"number\">min–max</th><th class=\"number\">p99 latency (max)</th><th class=\"number\">retries</th><th class=\"number\">dead</th>"
        if let bound = drainBoundSeconds { table += "<th>under \(Markup.escape(RunSummary.duration(bound)))</th>" }
        table += "</tr></thead><tbody>"
        for variant in variants {
            table += "<tr><td><code>\(Markup.escape(variant.name))</code></td>"
            table += variant.values.map { "<td>\(Markup.escape($0))</td>" }.joined()
            let cells = [
                Self.drainMean(variant), variant.drainTime.map { Self.range($0, RunSummary.duration) } ?? "—",
                variant.cost.map { Self.dollars($0.mean) } ?? "—", variant.cost.map { Self.range($0, Self.dollars) } ?? "—",
                variant.latencyP99.map { RunSummary.duration($0.max) } ?? "—", String(variant.retries), String(variant.dead),
            ]
            table += cells.map { "<td class=\"number\">\(Markup.escape($0))</td>" }.joined()
            if let bound = drainBoundSeconds {
                table += variant.name == cheapest
                    ? "<td><span class=\"badge good\">cheapest</span></td>"
                    : "<td>\(variant.drains(within: bound) ? "yes" : "no")</td>"
            }
            table += "</tr>"
        }
        return table + "</tbody></table>"
    }

    private var runTable: String {
        let csv = self.csv
        var table = "<table><thead><tr>"
        table += csv.header.map { "<th>\(Markup.escape($0))</th>" }.joined()
        table += "</tr></thead><tbody>"
        for row in csv.rows {
            table += "<tr>" + row.map { "<td>\(Markup.escape($0))</td>" }.joined() + "</tr>"
        }
        return table + "</tbody></table>"
    }
}
