import Foundation
import SoswCore
import SoswSimulation
import Testing

@Suite("sosw simulate and sosw check on scenario-engine files, as a separate process")
struct CheckCommandTests {
    static let scenarios: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scenarios").path
    }()

    @Test("sosw check passes every file in scenarios/ and writes JUnit XML")
    func checkAll() throws {
        let directory = try temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try SoswBinary.besideTests.run(["check", Self.scenarios, "--out", directory, "--junit", "\(directory)/junit.xml"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(!output.stdout.contains("FAIL"))
        #expect(output.stdout.contains("pass  quickstart: completed hello_worker between 200 and 200 — measured 200"))
        let junit = try String(contentsOfFile: "\(directory)/junit.xml", encoding: .utf8)
        #expect(junit.contains("failures=\"0\"") && junit.contains("<testsuite name=\"steady-drain\""))
    }

    @Test("a deliberately wrong expectation exits 1 and shows the measured value")
    func failingCheck() throws {
        let directory = try temporaryDirectory("check-fail")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = try String(contentsOfFile: "\(Self.scenarios)/quickstart.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "{all_closed_by: 45m}", with: "{all_closed_by: 10m}")
        let file = "\(directory)/wrong.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let output = try SoswBinary.besideTests.run(["check", file, "--out", directory, "--junit", "\(directory)/junit.xml"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL  quickstart: all_closed_by 10m — measured 22m 30.017s"))
        #expect(try String(contentsOfFile: "\(directory)/junit.xml", encoding: .utf8).contains("<failure message=\"measured 22m 30.017s"))
    }

    @Test("malformed scenarios exit 2 naming file, line and key path", arguments: [
        ("seed: 1\nstart: 2026-01-05T00:00:00Z\nstop: {after: 1h}\nname: x\nessentials: {orchestrator: {every: soon}}\n",
         ":5: essentials.orchestrator.every"),
        ("name: x\nstart: 2026-01-05T00:00:00Z\nstop: {after: 1h}\nstopp: 1\n", ":4: stopp"),
        ("name: x\nstart: 2026-01-05T00:00:00Z\nstop: {after: 1h}\nlambda: {account_concurrency: -3}\n", ":4: lambda.account_concurrency"),
    ])
    func malformed(_ text: String, _ expected: String) throws {
        let directory = try temporaryDirectory("malformed")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = "\(directory)/bad.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        for command in ["simulate", "check"] {
            let output = try SoswBinary.besideTests.run([command, file, "--out", "\(directory)/out"])
            #expect(output.status == 2, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("\(file)\(expected)"), "\(command): \(output.stderr)")
        }
    }

    @Test("sosw simulate writes the same events.jsonl twice with one seed and another with another; summary.json agrees with it")
    func simulateTwice() throws {
        let directory = try temporaryDirectory("simulate-engine")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logs: [Data] = []
        for (name, seed) in [("a", "42"), ("b", "42"), ("c", "43")] {
            let output = try SoswBinary.besideTests.run(
                ["simulate", "\(Self.scenarios)/quickstart.yaml", "--seed", seed, "--out", "\(directory)/\(name)"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("wrote \(directory)/\(name)/summary.md"))
            logs.append(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)/events.jsonl")))
        }
        #expect(logs[0] == logs[1])
        #expect(logs[0] != logs[2])

        let summary = try JSONValue(parsing: String(contentsOfFile: "\(directory)/a/summary.json", encoding: .utf8))
        for key in ["scenario", "seed", "events_sha256", "simulated_seconds", "wall_seconds", "events_per_second",
                    "drained", "drained_after_seconds", "labourers", "aws_calls", "simulated_seconds_per_wall_second",
                    "commit", "toolchain", "configuration"] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        #expect(summary["events_sha256"]?.stringValue == sha256Hex(logs[0]))
        let lines = String(decoding: logs[0], as: UTF8.self).split(separator: "\n").map { try? JSONValue(parsing: String($0)) }
        func count(_ name: String) -> Int { lines.filter { $0?["event"]?.stringValue == name }.count }
        let labourer = try #require(summary["labourers"]?["hello_worker"])
        #expect(labourer["created"]?.intValue == Int64(count("task.created")))
        #expect(labourer["invocations"]?.intValue == Int64(count("task.invoked")))
        #expect(labourer["completed"]?.intValue == 200)
        for key in ["dead", "retries", "peak_running"] { #expect(labourer[key]?.intValue != nil) }
        for key in ["p50", "p90", "p99"] { #expect(labourer["latency_seconds"]?[key]?.doubleValue != nil) }
        #expect(summary["aws_calls"]?["by_operation"]?["lambda.Invoke"]?.intValue == 400)
        #expect(summary["events"]?.intValue == Int64(lines.count))
    }
}
