import Foundation
import SoswCore
import SoswReports
import SoswSimulation
import Testing

@Suite("A broken invariant in every output: summary.json, summary.md, report.html, JUnit XML")
struct InvariantViolationReportTests {
    private static let violation = InvariantViolation(
        invariant: "one_table", seconds: 90.011, taskID: "task-7",
        detail: "archived, and also still in sosw_tasks", recentEvents: [
            #"{"t":1767578490.000,"event":"task.invoked","attempt":1,"labourer_id":"w","task_id":"task-7"}"#,
            #"{"t":1767578490.011,"event":"task.archived","labourer_id":"w","outcome":"completed","task_id":"task-7"}"#,
        ])

    private func summary() -> RunSummary {
        var summary = HTMLReportFixture.summary(expectation: "dead at most 1")
        summary.expectations = summary.expectations.map {
            RunSummary.Expectation(name: $0.name, measured: $0.measured, passed: true, message: "")
        }
        summary.invariantViolation = Self.violation
        summary.expectations.append(RunSummary.Expectation(Self.violation))
        return summary
    }

    @Test("the run fails as an expectation named after the invariant, with when and which task")
    func failedExpectation() {
        let summary = summary()
        #expect(!summary.passed)
        let failed = summary.expectations.filter { !$0.passed }
        #expect(failed.map(\.name) == ["invariant one_table"])
        #expect(failed.first?.measured == "violated at +90.011 s, task task-7")
        #expect(failed.first?.message == "archived, and also still in sosw_tasks")
    }

    @Test("summary.json carries invariant_violation with the recent events; null for a clean run")
    func json() throws {
        let document = summary().json
        let violation = try #require(document["invariant_violation"])
        #expect(violation["invariant"] == "one_table")
        #expect(violation["task_id"] == "task-7")
        #expect(violation["seconds"]?.doubleValue == 90.011)
        #expect(violation["recent_events"]?.arrayValue?.count == 2)
        #expect(HTMLReportFixture.summary().json["invariant_violation"] == .null)
    }

    @Test("summary.md opens with the violation and its events; report.html flags it and lists the events")
    func markdownAndHTML() {
        let summary = summary()
        let markdown = summary.markdown
        #expect(markdown.contains("## ⚠️ Invariant violated: `one_table`"))
        #expect(markdown.contains(Self.violation.recentEvents[1]))
        let html = HTMLReport(summary: summary, charts: HTMLReportFixture.charts()).html
        #expect(html.contains("one_table violated"))
        #expect(html.contains("invariant one_table"))
        #expect(html.contains(Markup.escape(Self.violation.recentEvents[0])))
    }

    @Test("JUnit XML counts the violation as a failing test case")
    func junit() {
        let xml = JUnitReport.xml([summary()])
        #expect(xml.contains(#"<testcase classname="fixture" name="invariant one_table">"#))
        #expect(xml.contains("failures=\"1\""))
    }
}
