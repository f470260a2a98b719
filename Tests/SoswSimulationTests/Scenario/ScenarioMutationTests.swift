import Foundation
import SoswCore
import Testing

@testable import SoswSimulation

/// Every scenario file of the repository, mutated the ways a tester found crashes with (huge, negative, zero and
/// tiny durations at every duration key, extreme starts, huge counts, hostile CSV values, names with path parts):
/// each mutant either loads and runs a capped stretch of virtual time cleanly, or is refused with an error that
/// names the file, the key path and what was expected. A crash fails the whole test process.
@Suite("Mutated scenario files: a clear error or a clean run, never a crash")
struct ScenarioMutationTests {
    /// Written in place of every duration of every file.
    static let durationMutants = ["106752d", "100000d", "3651d", "3650d", "-5s", "0s", "0.000001ms", "0.5ms", "1e10s"]
    /// Written in place of `start`.
    static let startMutants = [
        "1677-09-21T00:12:44Z", "1969-12-31T23:59:59Z", "2262-04-12T00:00:00Z", "9999-12-31T23:59:59Z",
        "2199-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
    ]
    /// Written in place of every count (`count:`, and the kernel's `workers`, `iterations`, `keys`).
    static let countMutants = ["9223372036854775807", "10000001", "0", "-1", "1e12"]
    /// The text of an empirical-durations or a metric-replay CSV file.
    static let durationCSVMutants = ["1e10", "1e12", "NaN", "nan", "inf", "-inf", "-0", "-1", "315360001", "0\n1e300"]
    static let replayCSVMutants = [
        "1e12,5", "1e10,5", "NaN,5", "inf,5", "-0,5", "-1,5", "2026-01-05T00:00:00Z,NaN", "2026-01-05T00:00:00Z,inf",
        "9999-01-01T00:00:00Z,1", "1767571200,1e400",
    ]
    static let nameMutants = ["../../x", "a/b", ".", "..", "/etc/passwd", "x y", "répertoire", ""]

    /// The loads that succeeded, run for at most this much virtual time each.
    static let runCap: Duration = .seconds(120)

    @Test("every duration of every scenario file, mutated")
    func durations() throws {
        var outcome = Outcome()
        for name in ScenarioFiles.all {
            let text = try ScenarioFiles.text(name)
            for range in Self.ranges(of: #"(?<=[:\[,]\s?)-?[0-9]+(\.[0-9]+)?(ms|s|m|h|d)(?=\s*[,\]\}\n])"#, in: text) {
                for mutant in Self.durationMutants {
                    outcome.check(text.replacingCharacters(in: range, with: mutant), file: name, runs: mutant == "3650d")
                }
            }
        }
        // Each file has durations; the refused ones name what was expected.
        #expect(outcome.refused > 0 && outcome.ran > 0)
    }

    @Test("start times outside 1970–2200, and around the Int64 limits of nanoseconds")
    func starts() throws {
        var outcome = Outcome()
        for name in ScenarioFiles.all {
            let text = try ScenarioFiles.text(name)
            for range in Self.ranges(of: #"(?<=\nstart: )\S+"#, in: text) {
                for mutant in Self.startMutants {
                    outcome.check(text.replacingCharacters(in: range, with: mutant), file: name, runs: true)
                }
            }
        }
        #expect(outcome.refused == ScenarioFiles.all.count * 5)
        #expect(outcome.ran == ScenarioFiles.all.count)
    }

    @Test("counts: task counts and the kernel workload's sizes")
    func counts() throws {
        var outcome = Outcome()
        for name in ScenarioFiles.all {
            let text = try ScenarioFiles.text(name)
            for range in Self.ranges(of: #"(?<=(count|workers|iterations|keys): )[0-9]+"#, in: text) {
                for mutant in Self.countMutants {
                    outcome.check(text.replacingCharacters(in: range, with: mutant), file: name, runs: false)
                }
            }
        }
        #expect(outcome.refused > 0 && outcome.loaded == 0)
    }

    @Test("CSV files with huge, non-finite and negative values")
    func csvFiles() throws {
        let base = try ScenarioFiles.text("quickstart.yaml")
        let empirical = base.replacingOccurrences(of: "{lognormal: {median: 30s, p99: 90s}}", with: "{empirical: d.csv}")
        #expect(empirical != base)
        let replay = base + "metrics:\n  - {namespace: N, name: M, model: {replay: m.csv}}\n"
        var outcome = Outcome()
        for csv in Self.durationCSVMutants {
            outcome.check(empirical, file: "quickstart.yaml", runs: true, files: ["d.csv": "seconds\n1\n\(csv)\n"])
        }
        for csv in Self.replayCSVMutants {
            outcome.check(replay, file: "quickstart.yaml", runs: true, files: ["m.csv": "timestamp,value\n\(csv)\n"])
        }
        #expect(outcome.refused >= Self.durationCSVMutants.count + Self.replayCSVMutants.count - 3)
    }

    @Test("names with path parts are refused: a name becomes a folder under reports/")
    func names() throws {
        var outcome = Outcome()
        for name in ScenarioFiles.all {
            let text = try ScenarioFiles.text(name)
            for range in Self.ranges(of: #"(?<=^name: )\S+"#, in: text) {
                for mutant in Self.nameMutants {
                    outcome.check(text.replacingCharacters(in: range, with: "'\(mutant)'"), file: name, runs: false)
                }
            }
        }
        #expect(outcome.refused == ScenarioFiles.all.count * Self.nameMutants.count)
    }

    @Test("the files that used to crash are refused with the key path, the value and the range", arguments: [
        ("at_most: 2h}", "at_most: 106752d}", "stop.at_most", "up to 3650d"),
        ("orchestrator: {every: 1m}", "orchestrator: {every: 106751d}", "essentials.orchestrator.every", "up to 3650d"),
        ("orchestrator: {every: 1m}", "orchestrator: {every: 0.000001ms}", "essentials.orchestrator.every", "shorter than 1ms"),
        ("{at: 0s,", "{at: 106000d,", "load[0].at", "up to 3650d"),
        ("p99: 90s", "p99: 100000d", "lambda.functions.hello_worker.duration.lognormal.p99", "up to 3650d"),
        ("start: 2026-01-05T02:00:00Z", "start: 1600-01-01T00:00:00Z", "start", "from 1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z"),
        ("start: 2026-01-05T02:00:00Z", "start: 2263-01-01T00:00:00Z", "start", "from 1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z"),
        ("count: 200", "count: 10000001", "load[0].tasks.count", "from 1 to 10000000"),
        ("name: quickstart", "name: ../../x", "name", "a plain file name"),
    ])
    func formerCrashes(original: String, mutated: String, keyPath: String, expected: String) throws {
        let text = try ScenarioFiles.text("quickstart.yaml")
        #expect(text.contains(original))
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader().load(yaml: text.replacingOccurrences(of: original, with: mutated), file: "quickstart.yaml")
        }
        #expect(error.keyPath == keyPath)
        #expect(error.line != nil)
        #expect(error.problem.contains(expected))
    }

    @Test("a kernel workload of Int64.max keys is refused, not allocated")
    func kernelKeys() throws {
        let text = try ScenarioFiles.text("kernel-contention.yaml").replacingOccurrences(of: "keys: 16", with: "keys: 9223372036854775807")
        #expect(throws: ScenarioError(file: "k.yaml", line: 12, keyPath: "workload.keys", problem: "expected an integer from 1 to 10000000, got 9223372036854775807")) {
            try KernelScenario(yaml: text, file: "k.yaml")
        }
    }

    @Test("CSV values beyond the range name the file, the line and the range")
    func csvErrors() throws {
        let base = try ScenarioFiles.text("quickstart.yaml")
        let empirical = base.replacingOccurrences(of: "{lognormal: {median: 30s, p99: 90s}}", with: "{empirical: d.csv}")
        let loader = ScenarioLoader { _ in "1\n1e10\n" }
        let error = try #require(throws: ScenarioError.self) { try loader.load(yaml: empirical, file: "q.yaml") }
        #expect(error.problem == "d.csv line 2: 1e10 seconds is too long; expected at most 315360000 seconds (3650d (10 years))")
        let replay = base + "metrics:\n  - {namespace: N, name: M, model: {replay: m.csv}}\n"
        let epochs = ScenarioLoader { _ in "1767571200,1\n1e12,2\n" }
        let replayError = try #require(throws: ScenarioError.self) { try epochs.load(yaml: replay, file: "q.yaml") }
        #expect(replayError.problem.hasPrefix("m.csv line 2: 1e12 epoch seconds is out of range; expected 0 to "))
    }

    @Test("a rate load's tasks per minute are bounded, so the owed count cannot overflow", arguments: [
        "{constant: 1e300}", "{ramp: [0, 1e20]}", "{step: [[0s, 5], [1m, 1e300]]}", "{sine: {mean: 1e300, amplitude: 1, period: 1h}}",
    ])
    func rates(curve: String) throws {
        let text = try ScenarioFiles.text("quickstart.yaml").replacingOccurrences(
            of: "{at: 0s, tasks: {labourer: hello_worker, count: 200, payload: {greeting: hello}}}",
            with: "{rate: {labourer: hello_worker, per_minute: \(curve), over: 1h}}")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader().load(yaml: text, file: "q.yaml") }
        #expect(error.keyPath.hasPrefix("load[0].rate.per_minute"))
        #expect(error.problem.hasPrefix("expected a number from 0 to 1000000, got "))
    }

    @Test("sweep variant names are plain file names whatever the --set path holds")
    func sweepVariantNames() throws {
        let grid = SweepGrid(axes: [try SweepAxis(assignment: "config.a/b/c=1,../../y")])
        #expect(grid.variants.map(\.name) == ["a_b_c=1", "a_b_c=.._.._y"])
        #expect(grid.variants.allSatisfy { !$0.name.contains("/") })
    }

    // MARK: Helpers

    /// What the mutants did; a refusal is checked for a clear message, a load is run for ``runCap``.
    struct Outcome {
        var refused = 0
        var loaded = 0
        var ran = 0

        mutating func check(_ text: String, file: String, runs: Bool, files: [String: String] = [:]) {
            let loader = ScenarioLoader { path in
                guard let text = files[path] else { throw ScenarioLoader.UnreadableFile(reason: "no such file") }
                return text
            }
            let loaded: LoadedScenario
            do {
                loaded = try loader.load(yaml: text, file: file)
            } catch {
                refused += 1
                #expect(error.file == file && !error.problem.isEmpty, "\(error)")
                #expect(error.line != nil || error.keyPath.isEmpty, "\(error)")
                return
            }
            self.loaded += 1
            guard runs else { return }
            ran += 1
            #expect(throws: Never.self, "\(file)") {
                switch loaded {
                case .engine(var scenario):
                    scenario.stop = .after(min(scenario.stop.limit, ScenarioMutationTests.runCap))
                    _ = try ScenarioRun(scenario).run()
                case .kernel(var kernel):
                    kernel.workload.iterations = min(kernel.workload.iterations, 50)
                    _ = try kernel.run(seed: kernel.seed)
                }
            }
        }
    }

    static func ranges(of pattern: String, in text: String) -> [Range<String.Index>] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }
}
