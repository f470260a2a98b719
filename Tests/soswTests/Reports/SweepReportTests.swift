@testable import SoswReports
import Testing

@Suite("sweep.csv, sweep.md and sweep.html")
struct SweepReportTests {
    static func run(_ cap: Int, seed: UInt64, drained: Double?, cost: Double?) -> SweepReport.Run {
        SweepReport.Run(
            variant: "cap=\(cap)", values: [String(cap)], seed: seed, drainedAfterSeconds: drained,
            latencyP99Seconds: (drained ?? 0) * 0.9, costUSD: cost, retries: 1, dead: 0, wallSeconds: 0.5)
    }

    static let report = SweepReport(
        scenario: "drain", file: "s.yaml", paths: ["config.cap"],
        runs: [
            run(50, seed: 1, drained: 40_000, cost: 10), run(50, seed: 2, drained: 36_000, cost: 11),
            run(100, seed: 1, drained: 20_000, cost: 12), run(100, seed: 2, drained: 22_000, cost: 13),
            run(200, seed: 1, drained: 10_000, cost: 20), run(200, seed: 2, drained: nil, cost: 21),
        ],
        drainBoundSeconds: 8 * 3600)

    @Test("variants keep grid order with mean and min–max over seeds; undrained seeds are counted apart")
    func variants() throws {
        let variants = Self.report.variants
        #expect(variants.map(\.name) == ["cap=50", "cap=100", "cap=200"])
        #expect(variants[0].drainTime == SweepReport.Spread([40_000, 36_000]))
        #expect(variants[0].drainTime?.mean == 38_000 && variants[0].cost?.min == 10 && variants[0].cost?.max == 11)
        #expect(variants[2].undrained == 1 && variants[2].drainTime?.mean == 10_000)
        #expect(variants[1].retries == 2)
    }

    @Test("the cheapest variant is the lowest mean cost among those draining within the bound in every seed")
    func cheapest() {
        #expect(Self.report.cheapestWithinBound?.name == "cap=100")
        var tighter = Self.report
        tighter.drainBoundSeconds = 5 * 3600
        #expect(tighter.cheapestWithinBound == nil)
        var unbounded = Self.report
        unbounded.drainBoundSeconds = nil
        #expect(unbounded.cheapestWithinBound == nil)
    }

    @Test("sweep.csv has one row per run with the documented columns")
    func csv() {
        let lines = Self.report.csv.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "variant,config.cap,seed,drained_after_seconds,latency_p99_seconds,cost_usd,retries,dead,wall_seconds")
        #expect(lines.count == 7)
        #expect(lines[1] == "cap=50,50,1,40000,36000,10,1,0,0.500")
        #expect(lines[6] == "cap=200,200,2,,0.000,21,1,0,0.500")
    }

    @Test("sweep.md answers the bound question first and marks the cheapest row")
    func markdown() {
        let text = Self.report.markdown
        #expect(text.contains("**Cheapest variant draining in under 8h in every seed: `cap=100`** — mean cost $12.50, mean drain time 5h 50m."))
        #expect(text.contains("| `cap=100` | 100 | 5h 50m | 5h 33m 20s–6h 6m 40s | $12.50 | $12.00–$13.00 | 5h 30m | 2 | 0 | **yes, cheapest** |"))
        #expect(text.contains("| `cap=200` | 200 | 2h 46m 40s (1 of 2 not drained) |"))
        #expect(text.contains("| 2 | 0 | no |\n\nEvery run: `sweep.csv`"), "a variant with an undrained seed does not meet the bound")
    }

    @Test("sweep.html is one page with the chart, the bound line and the cheapest point ringed")
    func html() {
        let html = Self.report.html
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<title id=\"sweep-drain-cost-title\">Drain time against cost</title>"))
        #expect(html.contains("stroke-dasharray=\"5 3\""), "the drain bound")
        #expect(html.contains("r=\"9\" fill=\"none\""), "the cheapest point")
        #expect(html.components(separatedBy: "r=\"4.5\"").count == 4, "one point per variant")
        #expect(!html.contains("<script") && !html.contains("src="))
        #expect(html == Self.report.html)
        let svgs = XMLWellFormedness.svgElements(of: html)
        #expect(svgs.count == 1)
        #expect(svgs.first.flatMap(XMLWellFormedness.error(in:)) == nil)
        #expect(XMLWellFormedness.error(in: String(html.dropFirst("<!DOCTYPE html>\n".count))) == nil, "the page is well-formed XML")
    }

    @Test("a variant name or value cannot inject markup into the page")
    func escaped() {
        let report = SweepReport(
            scenario: "<b>", file: "s.yaml", paths: ["a.<x>"],
            runs: [SweepReport.Run(
                variant: "x=<script>", values: ["<script>"], seed: 1, drainedAfterSeconds: 60, latencyP99Seconds: 60,
                costUSD: 1, retries: 0, dead: 0, wallSeconds: 0)])
        #expect(!report.html.contains("<script>") && !report.html.contains("<b>"))
        #expect(XMLWellFormedness.error(in: String(report.html.dropFirst("<!DOCTYPE html>\n".count))) == nil)
    }

    @Test("dollars: cents from a dollar up, four significant digits below")
    func dollars() {
        #expect(SweepReport.dollars(12.5) == "$12.50")
        #expect(SweepReport.dollars(0.015864) == "$0.01586")
        #expect(SweepReport.dollars(0.5) == "$0.5000")
        #expect(SweepReport.dollars(0) == "$0.00")
    }
}
