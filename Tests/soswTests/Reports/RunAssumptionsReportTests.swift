import Foundation
import GRDB
import SoswCore
import SoswReports
import SoswSimulation
import Testing

@Suite("The assumptions in force and the glossary in summary.md and report.html")
struct RunAssumptionsReportTests {
    /// Two labourers, one of them with a cap of 0, and functions with non-default Lambda settings.
    private static let scenario = """
        name: assumptions-fixture
        seed: 9
        start: 2026-01-05T02:00:00Z
        stop: {after: 20m}
        config:
          task_config:
            labourers:
              fetch:
                arn: arn:aws:lambda:eu-west-1:000000000000:function:fetch
                max_simultaneous_invocations: 4
                duration: 120
                cooldown: 30
                max_duration: 60
              parked:
                arn: arn:aws:lambda:eu-west-1:000000000000:function:parked
                max_simultaneous_invocations: 0
        lambda:
          account_concurrency: 50
          functions:
            fetch: {timeout: 1m, duration: {fixed: 20s}, max_retry_attempts: 1, max_event_age: 1h, reserved_concurrency: 3}
            parked: {timeout: 5m, duration: {fixed: 10s}}
        load:
          - {at: 0s, tasks: {labourer: fetch, count: 6}}
          - {at: 0s, tasks: {labourer: parked, count: 2}}
        """

    private static func summary() throws -> (RunSummary, ScenarioRun.Result) {
        let scenario = try ScenarioLoader().scenario(yaml: Self.scenario, file: "assumptions-fixture.yaml")
        let result = try ScenarioRun(scenario).run()
        return (RunSummary(result: result, scenarioText: Self.scenario, wallSeconds: 1, commit: "test"), result)
    }

    @Test("summary.md lists the settings in force and warns about a labourer whose cap is 0")
    func assumptionsInMarkdown() throws {
        let (summary, result) = try Self.summary()
        let assumptions = try #require(summary.assumptions)
        #expect(assumptions.uncappedLabourers.map(\.id) == ["parked"])
        #expect(assumptions.accountConcurrency == 50)
        let fetch = try #require(assumptions.labourers.first { $0.id == "fetch" })
        #expect(fetch.cap == 4 && fetch.expiryWindowSeconds == 150)

        let markdown = summary.markdown
        let warning = try #require(markdown.range(of: "⚠️ **Labourer `parked` has a cap of 0**"))
        let labourers = try #require(markdown.range(of: "## Labourers"))
        #expect(warning.lowerBound < labourers.lowerBound, "the warning comes before the figures it explains")
        #expect(!markdown.contains("Labourer `fetch` has a cap of 0"))
        #expect(markdown.contains("- Greenfield task step (`greenfield_task_step`): \(result.configuration.taskManager.greenfield.taskStep)\n"))
        #expect(markdown.contains("- Lambda account concurrency: 50\n"))
        #expect(markdown.contains("| fetch | 4 | 2m 30s (2m + 30s) | 3 | max_duration × attempts (1m × attempts) |"))
        #expect(markdown.contains("| parked | **0 — never invoked** |"))
        #expect(markdown.contains("| fetch | 1m | 1 | 1h | 3 |"))
        #expect(markdown.contains("| parked | 5m | 2 | 6h | none (account pool) |"))
    }

    @Test("the glossary is in summary.md and report.html, every term of it; a cap of 0 is flagged in report.html")
    func glossaryInBoth() throws {
        let (summary, result) = try Self.summary()
        let markdown = summary.markdown
        let html = HTMLReport(summary: summary, charts: RunCharts(result: result)).html
        #expect(markdown.contains("\n## Glossary\n"))
        #expect(html.contains("<section class=\"block\" id=\"glossary\">") && html.contains("<a href=\"#glossary\">"))
        for (term, _) in RunGlossary.terms {
            #expect(markdown.contains("- **\(term)**: "), "summary.md lacks \(term)")
            #expect(html.contains("<dt>\(term)</dt>"), "report.html lacks \(term)")
        }
        #expect(html.contains("<span>cap <b>0 <span class=\"badge bad\">tasks never invoked</span></b></span>"))
        #expect(html.contains("<span>cap <b>4</b></span>"))
        let section = try #require(html.range(of: "<section class=\"block\" id=\"glossary\">"))
        let end = try #require(html.range(of: "</section>", range: section.upperBound..<html.endIndex))
        #expect(XMLWellFormedness.error(in: String(html[section.lowerBound..<end.upperBound])) == nil)
    }

    @Test("README.md explains every term of the glossary")
    func readmeGlossary() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### What the figures mean"))
        let text = readme[section.upperBound...]
        for (term, _) in RunGlossary.terms {
            #expect(text.lowercased().contains("- **\(term.lowercased())**"), "README.md's glossary lacks \(term)")
        }
    }

    @Test("summary.json keeps Lambda's retries and the extra executions apart from sosw's figures")
    func separateKeys() throws {
        let (summary, result) = try Self.summary()
        let json = summary.json
        for labourer in result.figures.labourers {
            let entry = try #require(json["labourers"]?[labourer.id])
            #expect(entry["retries"]?.intValue == Int64(labourer.retries))
            #expect(entry["lambda_async_retries"]?.intValue == Int64(labourer.lambdaAsyncRetries))
            #expect(entry["duplicate_executions"]?.intValue == Int64(labourer.duplicateExecutions))
            #expect(entry["extra_executions"]?.intValue == Int64(labourer.extraExecutions))
        }
        for function in result.figures.functions {
            #expect(json["functions"]?[function.name]?["lambda_async_retries"]?.intValue == Int64(function.lambdaAsyncRetries))
        }
    }

    @Test("run.sqlite keeps the same figures in repeated_work, one row per labourer")
    func storedRepeatedWork() throws {
        let (summary, result) = try Self.summary()
        let directory = try temporaryDirectory("repeated-work")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try RunStore(path: "\(directory)/run.sqlite")
        try store.append(StoredRun(summary: summary, figures: result.figures, recordedAt: "2026-01-05T02:00:00Z"))
        let rows = try store.read { (db: Database) throws in
            try Row.fetchAll(db, sql: """
                SELECT labourer_id, duplicate_executions, extra_executions, lambda_async_retries
                FROM repeated_work ORDER BY labourer_id
                """)
        }
        #expect(rows.map { $0["labourer_id"] as String } == summary.labourers.map(\.id))
        for (row, labourer) in zip(rows, summary.labourers) {
            #expect(row["duplicate_executions"] as Int == labourer.duplicateExecutions)
            #expect(row["extra_executions"] as Int == labourer.extraExecutions)
            #expect(row["lambda_async_retries"] as Int == labourer.lambdaAsyncRetries)
        }
    }
}
