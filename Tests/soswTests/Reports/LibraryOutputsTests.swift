import Foundation
import SoswCore
import SoswReports
import SoswSimulation
import Testing

@Suite("A run's outputs written from a library call, without the command line")
struct LibraryOutputsTests {
    @Test("prepare, run, summarise and write leave every output, events and hash matching")
    func writesEveryOutput() throws {
        let text = """
            name: library-outputs
            start: 2026-01-05T02:00:00Z
            stop: {when: drained, at_most: 2h}
            config:
              task_config:
                labourers:
                  worker: {arn: "arn:aws:lambda:us-west-2:000000000000:function:worker", max_simultaneous_invocations: 4}
            lambda:
              functions:
                worker: {duration: {fixed: 30s}}
            load:
              - {at: 0s, tasks: {labourer: worker, count: 6}}
            """
        let scenario = try ScenarioLoader().scenario(yaml: text, file: "library-outputs.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sosw-library-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let outputs = RunOutputs(directory: directory)
        let eventsPath = try #require(try outputs.prepare())
        let result = try ScenarioRun(scenario).run(eventsPath: eventsPath)
        let summary = RunSummary(result: result, scenarioText: text, wallSeconds: 1, commit: "library-test")
        let written = try outputs.write(summary, result: result, recordedAt: "2026-01-05T03:00:00Z")

        #expect(written == [
            "summary.md", "report.html", "summary.json", "events.jsonl", "series.csv", "functions.csv", "tasks.csv",
            "metrics.csv", "run.sqlite",
        ])
        for name in written {
            #expect(FileManager.default.fileExists(atPath: "\(directory)/\(name)"), "\(name)")
        }
        #expect(sha256Hex(try Data(contentsOf: URL(fileURLWithPath: eventsPath))) == result.eventsSHA256)
        let json = try JSONValue(parsing: String(contentsOfFile: "\(directory)/summary.json", encoding: .utf8))
        #expect(json["events_sha256"]?.stringValue == result.eventsSHA256)
        #expect(json["scenario"]?.stringValue == "library-outputs")
        #expect(json["drained"] == .bool(true))
        let tasks = try String(contentsOfFile: "\(directory)/tasks.csv", encoding: .utf8)
        #expect(tasks.split(separator: "\n").count == 1 + 6)
    }
}
