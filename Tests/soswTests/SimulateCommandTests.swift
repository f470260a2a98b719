import Foundation
import SoswCore
import SoswSimulation
import Testing

@Suite("sosw simulate, as a separate process")
struct SimulateCommandTests {
    /// The hash this (debug or release) test process computes in process for the embedded default.
    private func inProcessHash(seed: UInt64, scheduling: SchedulingPolicy = .fifo) throws -> String {
        try KernelScenario.embeddedDefault.run(seed: seed, scheduling: scheduling, strict: true).eventsSHA256
    }

    private func hashFromProcess(_ binary: SoswBinary, _ arguments: [String]) throws -> String {
        let directory = try temporaryDirectory("simulate")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try binary.run(["simulate", "--out", directory] + arguments)
        #expect(output.status == 0, "sosw simulate failed: \(output.stderr)")
        let events = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/events.jsonl"))
        let record = try JSONValue(parsing: String(contentsOfFile: "\(directory)/run.json", encoding: .utf8))
        let fileHash = sha256Hex(events)
        #expect(record["events_sha256"]?.stringValue == fileHash, "run.json must record the hash of events.jsonl")
        #expect(output.stdout.contains(fileHash))
        return fileHash
    }

    @Test("two separate processes with the same seed write byte-identical logs, equal to the in-process run")
    func twoProcesses() throws {
        let binary = SoswBinary.besideTests
        let first = try hashFromProcess(binary, ["--seed", "42"])
        let second = try hashFromProcess(binary, ["--seed", "42"])
        #expect(first == second)
        #expect(first == (try inProcessHash(seed: 42)))
        #expect(try hashFromProcess(binary, ["--seed", "43"]) != first)
    }

    @Test("random scheduling replays across processes too")
    func randomSchedulingAcrossProcesses() throws {
        let binary = SoswBinary.besideTests
        let first = try hashFromProcess(binary, ["--seed", "42", "--schedule", "random:5"])
        #expect(first == (try hashFromProcess(binary, ["--seed", "42", "--schedule", "random:5"])))
        #expect(first == (try inProcessHash(seed: 42, scheduling: .random(seed: 5))))
    }

    @Test(
        "the release build writes the same log as this debug build",
        .enabled(
            if: ProcessInfo.processInfo.environment["SOSW_RELEASE_BINARY"] != nil,
            "set SOSW_RELEASE_BINARY to a release build of sosw (scripts/test does)"
        )
    )
    func releaseAgreesWithDebug() throws {
        let release = SoswBinary(path: ProcessInfo.processInfo.environment["SOSW_RELEASE_BINARY"]!)
        let version = try release.run(["bench", "--runs", "1", "--tasks", "1", "--rounds", "1", "--calls", "1"])
        #expect(version.stdout.contains("release build"), "SOSW_RELEASE_BINARY must point at a release build")
        for arguments in [["--seed", "42"], ["--seed", "7", "--schedule", "random:3"]] {
            let releaseHash = try hashFromProcess(release, arguments)
            let debugHash = try hashFromProcess(SoswBinary.besideTests, arguments)
            #expect(releaseHash == debugHash, "arguments \(arguments)")
        }
    }

    @Test("a scenario file is read, and a malformed one exits 2 naming file, line and key")
    func scenarioFiles() throws {
        let directory = try temporaryDirectory("scenario")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = "\(directory)/small.yaml"
        try "name: small\nseed: 3\nstart: 2026-01-05T02:00:00Z\nworkload: {workers: 4, iterations: 50, keys: 5}\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let output = try SoswBinary.besideTests.run(["simulate", good, "--out", "\(directory)/out"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("small  seed 3"))
        #expect(output.stdout.contains("200 claims"))
        #expect(FileManager.default.fileExists(atPath: "\(directory)/out/events.jsonl"))

        let bad = "\(directory)/bad.yaml"
        try "name: bad\nworkload:\n  workers: many\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let failure = try SoswBinary.besideTests.run(["simulate", bad, "--out", "\(directory)/bad-out"])
        #expect(failure.status == 2)
        #expect(failure.stderr.contains("\(bad):3: workload.workers: expected a positive integer, got 'many'"))
    }

    @Test("sosw --help lists the subcommands")
    func help() throws {
        let output = try SoswBinary.besideTests.run(["--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("simulate"))
        #expect(output.stdout.contains("bench"))
    }
}
