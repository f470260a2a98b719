/// `report.html`: the page a capacity planner opens after a run. One self-contained file (inline CSS and
/// SVG, nothing from the network): the run's identity and verdict, then per labourer its queue, running
/// against the cap, invocations, retries/expired/dead, health and latency distribution, per function its
/// concurrency and throttles, the AWS calls, and the expectations. Every string from the scenario is
/// escaped; the same run gives the same bytes except the wall-time figures in the header.
public struct HTMLReport: Sendable {
    public var summary: RunSummary
    public var charts: RunCharts

    public init(summary: RunSummary, charts: RunCharts) {
        self.summary = summary
        self.charts = charts
    }

    public var html: String {
        let title = Markup.escape(summary.record.scenario)
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        page += "<title>\(title) · sosw simulation report</title>\n<style>\n\(HTMLReportAssets.styleSheet)\n</style>\n</head>\n"
        page += "<body>\n<main>\n"
        page += header
        page += expectationsSection
        for (index, labourer) in summary.labourers.enumerated() {
            page += labourerSection(labourer, index: index)
        }
        page += metricsSection
        page += functionsSection
        page += awsCallsSection
        page += costSection
        page += RunGlossary.html
        page += "<footer>Written by <code>sosw simulate</code>. The same seed, scenario, commit, toolchain and build "
        page += "configuration give the same events; only the wall-time figures in the header change between runs.</footer>\n"
        page += "</main>\n<script>\n\(HTMLReportAssets.hoverScript)\n</script>\n</body>\n</html>\n"
        return page
    }

    // MARK: Header

    private var header: String {
        let record = summary.record
        var text = "<header class=\"run\">\n<h1>\(Markup.escape(record.scenario))</h1>\n"
        if !summary.description.isEmpty {
            text += "<p class=\"description\">\(Markup.escape(summary.description))</p>\n"
        }
        text += "<dl class=\"facts\">\n"
        if summary.drained, let after = summary.drainedAfterSeconds {
            text += fact("outcome", "<span class=\"badge good\">drained after \(RunSummary.duration(after))</span>")
        } else {
            text += fact("outcome", "<span class=\"badge bad\">not drained</span>")
        }
        if !summary.expectations.isEmpty {
            let holding = summary.expectations.filter(\.passed).count
            let style = summary.passed ? "good" : "bad"
            text += fact(
                "expectations",
                "<a href=\"#expectations\"><span class=\"badge \(style)\">\(holding) of \(summary.expectations.count) hold</span></a>")
        }
        if let violation = summary.invariantViolation {
            text += fact(
                "invariant",
                "<a href=\"#expectations\"><span class=\"badge bad\">\(Markup.escape(violation.invariant)) violated</span></a>")
        }
        if let cost = summary.cost {
            text += fact("cost", "<a href=\"#cost\">\(RunSummary.usd(cost.totalUSD)) USD</a> (\(Markup.escape(cost.region)))")
        }
        text += fact("seed", String(record.seed))
        text += fact("scheduling", Markup.escape(record.scheduling))
        text += fact("simulated span", RunSummary.duration(record.simulatedSeconds))
        text += fact(
            "wall time",
            "\(RunSummary.number(record.wallSeconds)) s (\(RunSummary.number(record.speedup))× real time, "
                + "\(RunSummary.number(record.eventsPerSecond)) events/s)")
        text += fact("events", String(record.events))
        text += fact("events_sha256", "<code>\(Markup.escape(record.eventsSHA256))</code>")
        text += fact("scenario_sha256", "<code>\(Markup.escape(record.scenarioSHA256))</code>")
        text += fact(
            "build",
            "\(Markup.escape(record.commit)), \(Markup.escape(record.toolchain)), \(Markup.escape(record.configuration))")
        text += "</dl>\n<nav class=\"contents\">"
        if !summary.expectations.isEmpty { text += "<a href=\"#expectations\">Expectations</a>" }
        for (index, labourer) in summary.labourers.enumerated() {
            text += "<a href=\"#labourer-\(index)\">\(Markup.escape(labourer.id))</a>"
        }
        text += "<a href=\"#functions\">Lambda functions</a><a href=\"#aws-calls\">AWS calls</a>"
        if summary.cost != nil { text += "<a href=\"#cost\">Cost</a>" }
        text += "<a href=\"#glossary\">Glossary</a>"
        text += "</nav>\n</header>\n"
        return text
    }

    /// A term and its value; `value` is markup, already escaped.
    private func fact(_ term: String, _ value: String) -> String {
        "<div><dt>\(term)</dt><dd>\(value)</dd></div>\n"
    }

    // MARK: Expectations

    private var expectationsSection: String {
        guard !summary.expectations.isEmpty else { return "" }
        var text = "<section class=\"block\" id=\"expectations\">\n<h2>Expectations</h2>\n"
        text += "<table>\n<thead><tr><th>result</th><th>expectation</th><th>measured</th><th>why it failed</th></tr></thead>\n<tbody>\n"
        for expectation in summary.expectations {
            let verdict = expectation.passed
                ? "<span class=\"badge good\">pass</span>" : "<span class=\"badge bad\">fail</span>"
            text += "<tr><td>\(verdict)</td><td>\(Markup.escape(expectation.name))</td>"
            text += "<td>\(Markup.escape(expectation.measured))</td>"
            text += "<td>\(expectation.passed ? "" : Markup.escape(expectation.message))</td></tr>\n"
        }
        text += "</tbody>\n</table>\n"
        if let violation = summary.invariantViolation {
            text += "<p>The run stopped at the broken invariant. The last \(violation.recentEvents.count) events:</p>\n"
            text += "<pre>\(Markup.escape(violation.recentEvents.joined(separator: "\n")))</pre>\n"
        }
        return text + "</section>\n"
    }

    // MARK: Labourers

    private static let healthNames = ["bad", "poor", "moderate", "good", "high"]

    private func labourerSection(_ labourer: RunSummary.Labourer, index: Int) -> String {
        let name = Markup.escape(labourer.id)
        var text = "<section class=\"block\" id=\"labourer-\(index)\">\n<h2>Labourer <code>\(name)</code></h2>\n"
        text += "<div class=\"stats\">"
        let utilisation = labourer.cap > 0 ? " (\(RunSummary.number(100 * labourer.meanRunning / Double(labourer.cap)))% of cap)" : ""
        for (term, value) in [
            ("created", String(labourer.created)), ("completed", String(labourer.completed)), ("dead", String(labourer.dead)),
            ("invocations", String(labourer.invocations)), ("retries", String(labourer.retries)),
            ("Lambda async retries", String(labourer.lambdaAsyncRetries)),
            ("expired", String(labourer.expired)), ("cap", labourer.cap > 0 ? String(labourer.cap) : "0 <span class=\"badge bad\">tasks never invoked</span>"),
            ("peak running", String(labourer.peakRunning)),
            ("mean running", RunSummary.number(labourer.meanRunning) + utilisation),
            ("duplicate executions", String(labourer.duplicateExecutions)),
            ("extra executions", String(labourer.extraExecutions)),
            ("latency p50 / p90 / p99", "\(RunSummary.duration(labourer.latencyP50)) / \(RunSummary.duration(labourer.latencyP90)) / \(RunSummary.duration(labourer.latencyP99))"),
        ] {
            text += "<span>\(term) <b>\(value)</b></span>"
        }
        if !labourer.secondsAtHealth.isEmpty {
            let levels = labourer.secondsAtHealth.keys.sorted().map { level in
                "\(level < Self.healthNames.count ? Self.healthNames[level] : String(level)) \(RunSummary.duration(labourer.secondsAtHealth[level]!))"
            }
            text += "<span>time at health <b>\(levels.joined(separator: ", "))</b></span>"
        }
        text += "</div>\n<div class=\"charts\">\n"
        let chartData = charts.labourer(labourer.id)
        let minutes = chartData?.minutes ?? []
        let axis = minutes.map(\.minute)
        let id = "labourer-\(index)"
        let svgs = [
            LineChart(
                id: "\(id)-queue", title: "Queue length", summary: "Tasks of \(labourer.id) queued at the end of each minute.",
                yTitle: "queued tasks", minutes: axis,
                series: [.init(name: "queued", color: Palette.queued, values: minutes.map { Double($0.queued) })],
                moments: moments).svg,
            LineChart(
                id: "\(id)-running", title: "Running vs cap",
                summary: "Executions of \(labourer.id) running: the most at once within each minute and the number at its end"
                    + (labourer.cap > 0 ? ", against its cap of \(labourer.cap) (dashed)." : "."),
                yTitle: "running executions", minutes: axis,
                series: [.init(name: "at end of minute", color: Palette.runningAtEnd, values: minutes.map { Double($0.running) })]
                    + (minutes.contains { $0.peakRunning != nil }
                        ? [.init(name: "peak in minute", color: Palette.running, values: minutes.map { $0.peakRunning.map(Double.init) })]
                        : []),
                limits: labourer.cap > 0 ? [.init(name: "cap", value: Double(labourer.cap), color: Palette.limit)] : [],
                moments: moments).svg,
            LineChart(
                id: "\(id)-invocations", title: "Invocations per minute",
                summary: "Tasks of \(labourer.id) invoked (first attempts and retries) and completed in each minute.",
                yTitle: "per minute", minutes: axis,
                series: [
                    .init(name: "invoked", color: Palette.invoked, values: minutes.map { Double($0.invoked) }),
                    .init(name: "completed", color: Palette.completed, values: minutes.map { Double($0.completed) }),
                ],
                moments: moments).svg,
            LineChart(
                id: "\(id)-failures", title: "Retries, expired and dead per minute",
                summary: "Tasks of \(labourer.id) that expired, were scheduled for a retry, or died in each minute.",
                yTitle: "per minute", minutes: axis,
                series: [
                    .init(name: "expired", color: Palette.expired, values: minutes.map { Double($0.expired) }),
                    .init(name: "retried", color: Palette.retried, values: minutes.map { Double($0.retried) }),
                    .init(name: "dead", color: Palette.dead, values: minutes.map { Double($0.dead) }),
                ],
                moments: moments).svg,
            LineChart(
                id: "\(id)-health", title: "Health",
                summary: "The health level (0 bad to 4 high) the Orchestrator read for \(labourer.id), at the end of each minute.",
                yTitle: "", minutes: axis,
                series: [.init(name: "health", color: Palette.health, values: minutes.map { $0.health.map(Double.init) })],
                moments: moments, fixedTop: 4, yLabel: { level in Self.healthNames[min(max(Int(level), 0), 4)] }).svg,
            LatencyHistogram(
                id: "\(id)-latency", title: "Latency distribution",
                summary: "Tasks of \(labourer.id) by latency from creation to archive, with p50 \(RunSummary.duration(labourer.latencyP50)), "
                    + "p90 \(RunSummary.duration(labourer.latencyP90)) and p99 \(RunSummary.duration(labourer.latencyP99)) marked.",
                samples: chartData?.latencies ?? [],
                markers: [
                    .init(name: "p50", seconds: labourer.latencyP50, color: Palette.p50),
                    .init(name: "p90", seconds: labourer.latencyP90, color: Palette.p90),
                    .init(name: "p99", seconds: labourer.latencyP99, color: Palette.p99),
                ]).svg,
        ]
        for svg in svgs {
            text += svg + "\n"
        }
        return text + "</div>\n</section>\n"
    }

    // MARK: Functions

    private var functionsSection: String {
        var text = "<section class=\"block\" id=\"functions\">\n<h2>Lambda functions</h2>\n"
        text += "<table>\n<thead><tr><th>function</th><th class=\"number\">executions</th><th class=\"number\">peak concurrency</th>"
        text += "<th class=\"number\">reserved concurrency</th><th class=\"number\">throttles</th>"
        text += "<th class=\"number\">Lambda async retries</th></tr></thead>\n<tbody>\n"
        for function in summary.functions {
            let reserved = charts.function(function.name)?.reservedConcurrency.map(String.init) ?? "–"
            text += "<tr><td><code>\(Markup.escape(function.name))</code></td><td class=\"number\">\(function.executions)</td>"
            text += "<td class=\"number\">\(function.peakConcurrency)</td><td class=\"number\">\(reserved)</td>"
            text += "<td class=\"number\">\(function.throttles)</td>"
            text += "<td class=\"number\">\(function.lambdaAsyncRetries)</td></tr>\n"
        }
        text += "</tbody>\n</table>\n"
        for (index, function) in summary.functions.enumerated() {
            let chartData = charts.function(function.name)
            let minutes = chartData?.minutes ?? []
            let axis = minutes.map(\.minute)
            let id = "function-\(index)"
            text += "<h3 id=\"\(id)\">Function <code>\(Markup.escape(function.name))</code></h3>\n<div class=\"charts\">\n"
            text += LineChart(
                id: "\(id)-concurrency", title: "Concurrency",
                summary: "The peak number of executions of \(function.name) running at once within each minute"
                    + ", against its reserved concurrency and, when it came near it, the account's limit (dashed).",
                yTitle: "concurrent executions", minutes: axis,
                series: [.init(name: "peak concurrency", color: Palette.running, values: minutes.map { Double($0.concurrency) })],
                limits: concurrencyLimits(chartData, peak: function.peakConcurrency), moments: moments
            ).svg + "\n"
            text += LineChart(
                id: "\(id)-throttles", title: "Throttles per minute",
                summary: "Invocations of \(function.name) the simulated Lambda service throttled in each minute.",
                yTitle: "per minute", minutes: axis,
                series: [.init(name: "throttles", color: Palette.throttles, values: minutes.map { Double($0.throttles) })],
                moments: moments
            ).svg + "\n"
            text += "</div>\n"
        }
        return text + "</section>\n"
    }

    /// The function's reserved concurrency, and the account's limit when the function came near it (at least
    /// half of it): a far-away account limit would only flatten the chart.
    private func concurrencyLimits(_ function: RunCharts.Function?, peak: Int) -> [LineChart.Limit] {
        var limits: [LineChart.Limit] = []
        if let reserved = function?.reservedConcurrency {
            limits.append(.init(name: "reserved", value: Double(reserved), color: Palette.limit))
        }
        if charts.accountConcurrency > 0, 2 * peak >= charts.accountConcurrency {
            limits.append(.init(name: "account", value: Double(charts.accountConcurrency), color: Palette.accountLimit))
        }
        return limits
    }

    /// The drain, marked on every time chart.
    private var moments: [LineChart.Moment] {
        guard summary.drained, let after = summary.drainedAfterSeconds else { return [] }
        return [.init(name: "drained", minute: after / 60)]
    }

    // MARK: AWS calls

    private var awsCallsSection: String {
        let most = max(summary.awsCalls.map(\.calls).max() ?? 0, 1)
        var text = "<section class=\"block\" id=\"aws-calls\">\n<h2>AWS calls</h2>\n"
        text += "<table>\n<thead><tr><th>operation</th><th class=\"number\">calls</th><th></th><th class=\"number\">errors</th>"
        text += "<th class=\"number\">capacity units</th></tr></thead>\n<tbody>\n"
        for operation in summary.awsCalls {
            let share = ChartNumber.coordinate(100 * Double(operation.calls) / Double(most))
            text += "<tr><td><code>\(Markup.escape(operation.name))</code></td><td class=\"number\">\(operation.calls)</td>"
            text += "<td class=\"bar\"><span style=\"width: \(share)%\"></span></td><td class=\"number\">\(operation.errors)</td>"
            text += "<td class=\"number\">\(operation.capacityUnits > 0 ? RunSummary.number(operation.capacityUnits) : "")</td></tr>\n"
        }
        let calls = summary.awsCalls.reduce(0) { $0 + $1.calls }
        let errors = summary.awsCalls.reduce(0) { $0 + $1.errors }
        let units = summary.awsCalls.reduce(0.0) { $0 + $1.capacityUnits }
        text += "<tr class=\"total\"><td>total</td><td class=\"number\">\(calls)</td><td></td><td class=\"number\">\(errors)</td>"
        text += "<td class=\"number\">\(RunSummary.number(units))</td></tr>\n"
        return text + "</tbody>\n</table>\n</section>\n"
    }
}
