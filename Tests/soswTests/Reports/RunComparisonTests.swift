import SoswCore
@testable import SoswReports
import Testing

/// A `summary.json` document of the shape `sosw simulate` writes, with the figures the cases vary.
func summaryDocument(
    drainedAfter: Double? = 9815.5, p99: Double = 9000, calls: Int64 = 31_000, invokes: Int64 = 10_000,
    cost: Double? = nil, seed: Int64 = 7, passed: Bool = true
) -> JSONValue {
    var document: [String: JSONValue] = [
        "scenario": "steady-drain", "seed": .int(seed), "events_sha256": "ab12", "commit": "abc1234",
        "description": "ignored free text", "wall_seconds": 1.5, "events": 100_821,
        "drained": .bool(drainedAfter != nil), "drained_after_seconds": drainedAfter.map(JSONValue.double) ?? .null,
        "labourers": ["backfill": [
            "created": 10_000, "completed": 10_000, "dead": 0, "retries": 0, "cap": 100,
            "latency_seconds": ["p50": 4000, "p90": 8000, "p99": .double(p99)],
        ]],
        "functions": ["backfill": ["executions": 10_000, "throttles": 0]],
        "aws_calls": [
            "total": .int(calls), "by_operation": ["lambda.Invoke": .int(invokes), "dynamodb.Query": 1000],
            "capacity_units_by_operation": [:],
        ],
        "expectations": [["name": "dead backfill at most 0", "measured": "0", "passed": .bool(passed), "message": ""]],
    ]
    if let cost { document["cost"] = ["total_usd": .double(cost), "by_service": ["lambda": .double(cost)]] }
    return .object(document)
}

@Suite("sosw compare: two summaries figure by figure")
struct RunComparisonTests {
    @Test("groups come in the documented order, each figure with both values, the change and the percent")
    func groupsAndChanges() throws {
        let comparison = RunComparison(
            before: summaryDocument(drainedAfter: 10_000, cost: 2),
            after: summaryDocument(drainedAfter: 5000, calls: 31_500, cost: 1.5, seed: 8))
        #expect(comparison.groups.map(\.name) == ["run", "labourer backfill", "function backfill", "AWS calls", "cost", "expectations"])
        let drained = try #require(comparison.groups[0].rows.first { $0.figure == "drained_after_seconds" })
        #expect(drained.change == -5000)
        #expect(drained.percent == -50)
        let total = try #require(comparison.groups[3].rows.first { $0.figure == "total" })
        #expect(total.before == .number(31_000) && total.after == .number(31_500) && total.change == 500)
        #expect(comparison.groups[3].rows.map(\.figure).contains("by_operation.lambda.Invoke"))
        #expect(comparison.groups[4].rows.first { $0.figure == "total_usd" }?.percent == -25)
        #expect(comparison.groups[1].rows.map(\.figure).contains("latency_seconds.p99"))
        #expect(!comparison.groups[0].rows.contains { $0.figure == "description" })
        #expect(Set(comparison.changedRows.map(\.figure)) == ["drained_after_seconds", "seed", "total", "total_usd", "by_service.lambda"])
    }

    @Test("a figure only one run has shows the other side empty; a change from zero has no percent")
    func oneSided() throws {
        let comparison = RunComparison(before: summaryDocument(), after: summaryDocument(cost: 0.25))
        let cost = try #require(comparison.groups.first { $0.name == "cost" }?.rows.first { $0.figure == "total_usd" })
        #expect(cost.before == nil && cost.after == .number(0.25) && cost.change == nil)
        let zero = RunComparison.Row(figure: "dead", before: .number(0), after: .number(3))
        #expect(zero.change == 3 && zero.percent == nil)
        #expect(RunComparison.Row(figure: "dead", before: .number(0), after: .number(0)).percent == 0)
    }

    @Test("cost lines are matched by service and item, not by position")
    func namedLines() throws {
        func document(_ lines: [(String, Double)]) -> JSONValue {
            ["scenario": "s", "cost": ["lines": .array(lines.map { ["service": "lambda", "item": .string($0.0), "usd": .double($0.1)] })]]
        }
        let comparison = RunComparison(
            before: document([("a requests", 1), ("b requests", 2)]), after: document([("b requests", 3), ("c requests", 4)]))
        let rows = try #require(comparison.groups.first { $0.name == "cost" }?.rows)
        #expect(rows.first { $0.figure == "lines.lambda b requests.usd" }?.change == 1)
        #expect(rows.first { $0.figure == "lines.lambda a requests.usd" }?.after == nil)
        #expect(rows.first { $0.figure == "lines.lambda c requests.usd" }?.before == nil)
    }

    @Test("the text lines up values under the run labels and marks changes")
    func text() {
        let text = RunComparison(before: summaryDocument(drainedAfter: 10_000), after: summaryDocument(drainedAfter: 12_500, passed: false))
            .text(before: "cap=100", after: "cap=50")
        let lines = text.split(separator: "\n").map(String.init)
        func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }
        #expect(cells(lines[0]) == ["cap=100", "cap=50", "change", "%"])
        #expect(lines[1] == "run")
        #expect(lines.map(cells).contains(["drained_after_seconds", "10000", "12500", "+2500", "+25.0%"]), "\(text)")
        #expect(lines.map(cells).contains(["events_sha256", "ab12", "ab12"]), "an unchanged figure has empty change columns")
        #expect(lines.map(cells).contains(["dead", "backfill", "at", "most", "0", "pass,", "measured", "0", "FAIL,", "measured", "0", "—", "—"]))
        let header = lines[0]
        let drained = lines.first { $0.hasPrefix("  drained_after_seconds") } ?? ""
        #expect(header.count == drained.count, "values right-aligned under their labels")
    }

    @Test("numbers: whole as such, six significant digits below 1,000, two decimals above")
    func numbers() {
        #expect(RunComparison.number(31_000) == "31000")
        #expect(RunComparison.number(0.0123456789) == "0.0123457")
        #expect(RunComparison.number(9815.2345) == "9815.23")
        #expect(RunComparison.percentText(-3.25) == "-3.2%" || RunComparison.percentText(-3.25) == "-3.3%")
    }
}

@Suite("sosw check --baseline: figures held to a tolerance")
struct BaselineCheckTests {
    static let tolerance = Tolerance("5%")!

    @Test("the baseline keeps drain time, p99 per labourer, AWS calls, cost and what explains them, not wall time")
    func baselineFigures() throws {
        let baseline = ScenarioBaseline(summary: summaryDocument(cost: 1.25))
        #expect(baseline.scenario == "steady-drain" && baseline.seed == 7)
        #expect(baseline.figures == [
            "drained_after_seconds": 9815.5, "latency_p99_seconds.backfill": 9000, "aws_calls_total": 31_000, "cost_usd": 1.25,
        ])
        #expect(baseline.context["events_sha256"] == "ab12")
        #expect(baseline.context["labourers"]?["backfill"]?["completed"] == 10_000)
        #expect(baseline.context["labourers"]?["backfill"]?["latency_seconds"] == nil)
        #expect(!baseline.json.serialized().contains("wall"))
        let reread = try ScenarioBaseline(json: JSONValue(parsing: baseline.text), file: "b.json")
        #expect(reread == baseline)
    }

    @Test("a run that did not drain keeps a null drain time through the file")
    func notDrained() throws {
        let baseline = ScenarioBaseline(summary: summaryDocument(drainedAfter: nil))
        #expect(baseline.figures["drained_after_seconds"] == .some(nil))
        #expect(try ScenarioBaseline(json: JSONValue(parsing: baseline.text), file: "b.json") == baseline)
    }

    @Test("figures within the tolerance pass, each with its change")
    func withinTolerance() {
        let check = BaselineCheck(
            baseline: ScenarioBaseline(summary: summaryDocument(drainedAfter: 10_000, calls: 30_000)),
            measured: ScenarioBaseline(summary: summaryDocument(drainedAfter: 10_500, calls: 29_000)),
            tolerance: Self.tolerance)
        #expect(check.passed)
        #expect(check.figures.map(\.name) == ["aws_calls_total", "drained_after_seconds", "latency_p99_seconds.backfill"])
        #expect(check.figures[1].verdict == "+5.0% (10000 → 10500)")
    }

    @Test("a figure moved past the tolerance fails, saying by how much and what the tolerance was")
    func moved() {
        let check = BaselineCheck(
            baseline: ScenarioBaseline(summary: summaryDocument(p99: 9000)),
            measured: ScenarioBaseline(summary: summaryDocument(p99: 9600)),
            tolerance: Self.tolerance)
        #expect(!check.passed)
        let failed = check.figures.filter { !$0.passed }
        #expect(failed.map(\.name) == ["latency_p99_seconds.backfill"])
        #expect(failed.first?.verdict == "+6.7% (9000 → 9600), beyond the tolerance of 5%")
    }

    @Test("draining or not, zero baselines, vanished and new figures", arguments: [
        (summaryDocument(drainedAfter: 100), summaryDocument(drainedAfter: nil), "drained_after_seconds", false, "not drained where the baseline drained (100)"),
        (summaryDocument(drainedAfter: nil), summaryDocument(drainedAfter: 100), "drained_after_seconds", false, "100 where the baseline did not drain"),
        (summaryDocument(drainedAfter: nil), summaryDocument(drainedAfter: nil), "drained_after_seconds", true, "not drained, as in the baseline"),
        (summaryDocument(cost: 0), summaryDocument(cost: 0.01), "cost_usd", false, "from zero (0 → 0.01), beyond the tolerance of 5%"),
        (summaryDocument(cost: 1), summaryDocument(), "cost_usd", false, "no longer measured (baseline 1)"),
        (summaryDocument(), summaryDocument(cost: 1), "cost_usd", true, "new (no baseline), measured 1"),
    ])
    func edges(_ baseline: JSONValue, _ measured: JSONValue, _ name: String, _ passed: Bool, _ verdict: String) throws {
        let check = BaselineCheck(
            baseline: ScenarioBaseline(summary: baseline), measured: ScenarioBaseline(summary: measured), tolerance: Self.tolerance)
        let figure = try #require(check.figures.first { $0.name == name })
        #expect(figure.passed == passed)
        #expect(figure.verdict == verdict)
    }

    @Test("tolerances read as percentages; nonsense is refused")
    func tolerances() {
        #expect(Tolerance("5%")?.fraction == 0.05)
        #expect(Tolerance("0.5%")?.fraction == 0.005)
        #expect(Tolerance("10")?.fraction == 0.1)
        #expect(Tolerance("-1%") == nil && Tolerance("five") == nil && Tolerance("") == nil)
        #expect(Tolerance("5%")?.description == "5%")
    }

    @Test("a file that is not a baseline is refused naming it")
    func malformedFile() {
        #expect(throws: ScenarioBaseline.Malformed.self) { try ScenarioBaseline(json: ["scenario": "x"], file: "b.json") }
        #expect(throws: ScenarioBaseline.Malformed.self) {
            try ScenarioBaseline(json: ["scenario": "x", "seed": 1, "figures": ["cost_usd": "cheap"]], file: "b.json")
        }
    }
}
