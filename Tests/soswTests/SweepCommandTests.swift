import Foundation
import SoswCore
import Testing

@Suite("sosw sweep and sosw compare, as a separate process")
struct SweepCommandTests {
    static let cap = "config.task_config.labourers.hello_worker.max_simultaneous_invocations"

    @Test("a sweep runs every variant at every seed, each run as sosw simulate of the overridden scenario")
    func sweep() throws {
        let directory = try temporaryDirectory("sweep")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = "\(directory)/out"
        let output = try SoswBinary.besideTests.run([
            "sweep", "\(CheckCommandTests.scenarios)/quickstart.yaml", "--set", "\(Self.cap)=5,20", "--seeds", "2",
            "--jobs", "2", "--out", out, "--drain-under", "30m",
        ])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.isEmpty, "no progress bar when standard error is not a terminal")

        let csv = try String(contentsOfFile: "\(out)/sweep.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv.first == "variant,\(Self.cap),seed,drained_after_seconds,latency_p99_seconds,cost_usd,retries,dead,wall_seconds")
        #expect(csv.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
            "max_simultaneous_invocations=5,5,42", "max_simultaneous_invocations=5,5,43",
            "max_simultaneous_invocations=20,20,42", "max_simultaneous_invocations=20,20,43",
        ])
        let markdown = try String(contentsOfFile: "\(out)/sweep.md", encoding: .utf8)
        #expect(markdown.contains("| `max_simultaneous_invocations=5` | 5 |"))
        #expect(markdown.contains("under 30m"))
        let html = try String(contentsOfFile: "\(out)/sweep.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Drain time") && !html.contains("<script") && !html.contains("src="))

        // The run at cap 20, seed 43 is byte for byte `sosw simulate --seed 43` of the file with cap 20.
        let edited = "\(directory)/cap20.yaml"
        try String(contentsOfFile: "\(CheckCommandTests.scenarios)/quickstart.yaml", encoding: .utf8)
            .replacingOccurrences(of: "max_simultaneous_invocations: 10", with: "max_simultaneous_invocations: 20")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let simulated = try SoswBinary.besideTests.run(["simulate", edited, "--seed", "43", "--out", "\(directory)/simulated"])
        #expect(simulated.status == 0)
        let swept = try JSONValue(parsing: String(contentsOfFile: "\(out)/runs/max_simultaneous_invocations=20-seed43/summary.json", encoding: .utf8))
        let alone = try JSONValue(parsing: String(contentsOfFile: "\(directory)/simulated/summary.json", encoding: .utf8))
        #expect(swept["events_sha256"] != nil && swept["events_sha256"] == alone["events_sha256"])
        #expect(swept["labourers"]?["hello_worker"]?["cap"] == 20)

        // The store holds every run with its --set values.
        let store = try SoswBinary.besideTests.run(["compare", "--store", "\(out)/run.sqlite", "no-such-run", "other"])
        #expect(store.status == 2)
        #expect(store.stderr.contains("no run 'no-such-run'") && store.stderr.contains("quickstart-seed42-"), "\(store.stderr)")

        // Another sweep into the same folder replaces the earlier one's runs, as it replaces its store.
        let again = try SoswBinary.besideTests.run([
            "sweep", "\(CheckCommandTests.scenarios)/quickstart.yaml", "--set", "\(Self.cap)=7", "--out", out,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(out)/runs") == ["max_simultaneous_invocations=7-seed42"])
    }

    @Test("sosw compare prints both runs' figures by group with the change; store ids work like folders")
    func compare() throws {
        let directory = try temporaryDirectory("compare")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = "\(directory)/runs.sqlite"
        for seed in ["42", "43"] {
            let output = try SoswBinary.besideTests.run([
                "simulate", "\(CheckCommandTests.scenarios)/quickstart.yaml", "--seed", seed, "--out", "\(directory)/seed\(seed)",
                "--store", store,
            ])
            #expect(output.status == 0, "\(output.stderr)")
        }
        let folders = try SoswBinary.besideTests.run(["compare", "\(directory)/seed42", "\(directory)/seed43/summary.json"])
        #expect(folders.status == 0, "\(folders.stderr)")
        let lines = folders.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ").map(String.init) == ["seed42", "seed43", "change", "%"])
        for group in ["run", "labourer hello_worker", "function hello_worker", "AWS calls", "expectations"] {
            #expect(lines.contains(group), "\(group)")
        }
        func cells(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }
        #expect(lines.map(cells).contains(["seed", "42", "43", "+1", "+2.4%"]), "\(folders.stdout)")

        let ids = try SoswBinary.besideTests.run(["compare", "--store", store, "x", "y"]).stderr
        let stored = ids.components(separatedBy: "it holds: ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: ", ") ?? []
        #expect(stored.count == 2, "\(ids)")
        let fromStore = try SoswBinary.besideTests.run(["compare", "--store", store] + stored)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        let storeLines = fromStore.stdout.split(separator: "\n").map(String.init)
        #expect(storeLines.map(cells).contains(["seed", "42", "43", "+1", "+2.4%"]), "\(fromStore.stdout)")
        #expect(storeLines.contains { $0.hasPrefix("  latency_seconds.p99") })
        #expect(storeLines.contains { $0.hasPrefix("  total ") })

        let missing = try SoswBinary.besideTests.run(["compare", "\(directory)/seed42", "\(directory)/nowhere"])
        #expect(missing.status == 2 && missing.stderr.contains("nowhere does not exist"))
    }

    @Test("bad input exits 2 and writes nothing", arguments: [
        (["--set", "config.task_config.labourers.hello_worker.max_simultaneous_invocation=5,10"],
         "config.task_config.labourers.hello_worker.max_simultaneous_invocation: no key 'max_simultaneous_invocation' under config.task_config.labourers.hello_worker of the scenario; did you mean 'max_simultaneous_invocations'? the keys there are: arn, max_simultaneous_invocations"),
        (["--set", "\(cap)=5,lots"],
         "error: variant max_simultaneous_invocations=lots: "),
        (["--set", "load.3.tasks.count=5"], "no element '3' in the list at load; expected an index from 0 to 0"),
        (["--set", "seed"], "expected PATH=VALUE"),
        (["--seeds", "0"], "--seeds must be at least 1"),
        (["--drain-under", "soon"], "--drain-under 'soon' is not a duration"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let directory = try temporaryDirectory("sweep-bad")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try SoswBinary.besideTests.run(
            ["sweep", "\(CheckCommandTests.scenarios)/quickstart.yaml", "--out", "\(directory)/out"] + arguments)
        #expect(output.status == 2, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out"))
    }

    @Test("an output folder that cannot be made exits 3")
    func unwritable() throws {
        let directory = try temporaryDirectory("sweep-unwritable")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "a file".write(toFile: "\(directory)/file", atomically: true, encoding: .utf8)
        let output = try SoswBinary.besideTests.run([
            "sweep", "\(CheckCommandTests.scenarios)/quickstart.yaml", "--set", "\(Self.cap)=5", "--out", "\(directory)/file/out",
        ])
        #expect(output.status == 3, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("error: "))
    }
}
