import Foundation
import Testing

@Suite("report.html from sosw simulate, as a separate process")
struct ReportEndToEndTests {
    @Test("quickstart writes report.html with its name, per-labourer charts and the functions, and says so")
    func quickstart() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory = try temporaryDirectory("report")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try SoswBinary.besideTests.run(
            ["simulate", repository.appendingPathComponent("scenarios/quickstart.yaml").path, "--out", directory])
        #expect(output.status == 0, "sosw simulate failed: \(output.stderr)")
        #expect(output.stdout.contains("wrote \(directory)/summary.md, report.html, "))
        let page = try String(contentsOfFile: "\(directory)/report.html", encoding: .utf8)
        #expect(page.contains("<h1>quickstart</h1>"))
        #expect(page.contains("Labourer <code>hello_worker</code>"))
        for chart in ["queue", "running", "invocations", "failures", "health", "latency"] {
            #expect(page.contains("id=\"labourer-0-\(chart)\""), "chart \(chart)")
        }
        #expect(page.contains("id=\"function-0-concurrency\"") && page.contains("Function <code>hello_worker</code>"))
        #expect(page.contains("cap 10"))
        #expect(page.contains("<span class=\"badge good\">6 of 6 hold</span>"))
        let summary = try String(contentsOfFile: "\(directory)/summary.json", encoding: .utf8)
        let hash = try #require(summary.firstMatch(of: /"events_sha256":"([0-9a-f]{64})"/)?.1)
        #expect(page.contains("<code>\(hash)</code>"))
        for svg in XMLWellFormedness.svgElements(of: page) {
            #expect(XMLWellFormedness.error(in: svg) == nil)
        }
    }
}
