import Foundation
import GRDB
import SoswCore
import SoswReports
import Testing

@Suite("The cost of a run in summary.json, summary.md, report.html and run.sqlite")
struct RunCostReportTests {
    private static let scenario = """
        name: cost-fixture
        seed: 5
        start: 2026-01-05T02:00:00Z
        stop: {when: drained, at_most: 2h}
        config:
          task_config:
            labourers:
              worker:
                arn: arn:aws:lambda:eu-central-1:000000000000:function:worker
                max_simultaneous_invocations: 5
        lambda:
          functions:
            worker: {timeout: 5m, memory_mb: 1024, duration: {fixed: 90s}}
        load:
          - {at: 0s, tasks: {labourer: worker, count: 12}}
        pricing:
          architecture: arm64
        """

    @Test("every output shows the same cost: total, services, lines, and the prices' region and date")
    func outputsAgree() throws {
        let directory = try temporaryDirectory("cost")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/cost-fixture.yaml"
        try Self.scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try SoswBinary.besideTests.run(["simulate", path, "--out", "\(directory)/out"])
        #expect(output.status == 0, "\(output.stderr)")

        let summary = try JSONValue(parsing: String(contentsOfFile: "\(directory)/out/summary.json", encoding: .utf8))
        let cost = try #require(summary["cost"])
        let total = try #require(cost["total_usd"]?.doubleValue)
        let services = try #require(cost["by_service"]?.objectValue)
        #expect(services.keys.sorted() == ["cloudwatch", "dynamodb", "lambda", "sns"])
        #expect(abs(services.values.compactMap(\.doubleValue).reduce(0, +) - total) < 1e-12)
        #expect(cost["lambda"]?["requests"]?.intValue ?? 0 >= 24)
        let worker = try #require(cost["lambda"]?["by_function"]?["worker"])
        #expect(worker["architecture"] == "arm64" && worker["memory_mb"]?.intValue == 1024)
        // 12 executions of 90 s and a few ms (the report to the WorkerAssistant) at 1 GB.
        let workerGBSeconds = try #require(worker["gb_seconds"]?.doubleValue)
        #expect(workerGBSeconds > 12 * 90 && workerGBSeconds < 12 * 91)
        #expect(cost["dynamodb"]?["read_request_units"]?.doubleValue ?? 0 > 0)
        #expect(cost["dynamodb"]?["write_request_units"]?.doubleValue ?? 0 > 0)
        #expect(cost["prices"]?["region"] == "eu-central-1" && cost["prices"]?["date"] == "2025-06-01")
        let lines = try #require(cost["lines"]?.arrayValue)

        let markdown = try String(contentsOfFile: "\(directory)/out/summary.md", encoding: .utf8)
        #expect(markdown.contains("## Cost\n\n**\(RunSummary.usd(total)) USD** at list prices of eu-central-1 (built-in price file, 2025-06-01)"))
        #expect(markdown.contains("| lambda | worker duration (arm64, 1024 MB) |"))
        let html = try String(contentsOfFile: "\(directory)/out/report.html", encoding: .utf8)
        #expect(html.contains("<section class=\"block\" id=\"cost\">"))
        #expect(html.contains("\(RunSummary.usd(total)) USD</strong> at list prices of eu-central-1 (built-in price file, 2025-06-01)"))
        #expect(html.contains("<td>worker duration (arm64, 1024 MB)</td>"))
        let section = try #require(html.range(of: "<section class=\"block\" id=\"cost\">"))
        let end = try #require(html.range(of: "</section>", range: section.upperBound..<html.endIndex))
        #expect(XMLWellFormedness.error(in: String(html[section.lowerBound..<end.upperBound])) == nil)

        let store = try RunStore(path: "\(directory)/out/run.sqlite")
        try store.read { (db: Database) throws in
            #expect(try Double.fetchOne(db, sql: "SELECT cost_usd FROM runs") == total)
            let rows = try Row.fetchAll(db, sql: "SELECT service, item, quantity, unit, usd FROM costs ORDER BY rowid")
            #expect(rows.count == lines.count)
            for (row, line) in zip(rows, lines) {
                #expect(row["service"] as String == line["service"]?.stringValue)
                #expect(row["item"] as String == line["item"]?.stringValue)
                #expect(row["quantity"] as Double == line["quantity"]?.doubleValue)
                #expect(row["unit"] as String == line["unit"]?.stringValue)
                #expect(row["usd"] as Double == line["usd"]?.doubleValue)
            }
            let sum = try #require(try Double.fetchOne(db, sql: "SELECT sum(usd) FROM costs"))
            #expect(abs(sum - total) < 1e-12)
        }
        let stored = try #require(try store.summaryDocument(runID: try store.runIDs()[0]))
        #expect(stored["cost"]?["total_usd"]?.doubleValue == total)
    }

    @Test("a region without prices stops simulate with status 2 and one line naming the region and the choices")
    func missingRegionExitsTwo() throws {
        let directory = try temporaryDirectory("cost-region")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/cost-fixture.yaml"
        try Self.scenario.replacingOccurrences(of: "architecture: arm64", with: "region: ap-south-1")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = try SoswBinary.besideTests.run(["simulate", path, "--out", "\(directory)/out"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("\(path):17: pricing.region: no prices for region 'ap-south-1'"), "\(output.stderr)")
        #expect(output.stderr.contains("regions available: ap-southeast-2, eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out/summary.json"))
    }

    @Test("dollars read to three significant digits, never in exponent form")
    func dollars() {
        #expect(RunSummary.usd(1234.567) == "1234.57")
        #expect(RunSummary.usd(0.05031) == "0.0503")
        #expect(RunSummary.usd(0.000401) == "0.000401")
        #expect(RunSummary.usd(0) == "0.00")
        #expect(RunSummary.usd(0.000000001) == "0.00000000")
    }
}
