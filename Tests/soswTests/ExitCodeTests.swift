import Foundation
import Testing

/// Each exit status of the simulation commands means one thing: 0 ok, 1 expectations or baselines failed,
/// 2 bad input, 3 the run could not complete (an output that cannot be written). Checked on the binary.
@Suite("sosw exit statuses: 0 ok, 1 expectations failed, 2 bad input, 3 could not run")
struct ExitCodeTests {
    static let scenarios: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("scenarios").path
    }()

    /// quickstart.yaml stopped after ten minutes of virtual time: quick to run, and its 45-minute drain
    /// expectation cannot hold.
    static func shortQuickstart(in directory: String, replacing original: String = "", with replacement: String = "") throws -> String {
        var text = try String(contentsOfFile: "\(scenarios)/quickstart.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "stop: {when: drained, at_most: 2h}", with: "stop: {after: 10m}")
        if !original.isEmpty { text = text.replacingOccurrences(of: original, with: replacement) }
        let file = "\(directory)/short.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("0: a kernel scenario runs and writes its outputs")
    func ok() throws {
        let directory = try temporaryDirectory("exit0")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try SoswBinary.besideTests.run(["simulate", "\(Self.scenarios)/kernel-contention.yaml", "--out", directory])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/run.json"))
    }

    @Test("1: sosw check with an expectation that does not hold")
    func expectationFailed() throws {
        let directory = try temporaryDirectory("exit1")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try Self.shortQuickstart(in: directory)
        let check = try SoswBinary.besideTests.run(["check", file, "--out", directory])
        #expect(check.status == 1, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stdout.contains("FAIL  quickstart: all_closed_by 45m"))
    }

    @Test("2: bad input, in simulate, check and sweep", arguments: [
        (["simulate"], "name: quickstart", "name: ../../x", "name: '../../x' cannot name a scenario"),
        (["check"], "every: 1m}", "every: 106751d}", "essentials.orchestrator.every: '106751d' is too long"),
        (["sweep", "--seeds", "1"], "count: 200", "count: 10000001", "load[0].tasks.count: expected an integer from 1 to 10000000"),
    ])
    func badInput(command: [String], original: String, replacement: String, message: String) throws {
        let directory = try temporaryDirectory("exit2")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try Self.shortQuickstart(in: directory, replacing: original, with: replacement)
        let output = try SoswBinary.besideTests.run(command + [file, "--out", "\(directory)/out"])
        #expect(output.status == 2, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out"))
    }

    @Test("2: an unknown --schedule is bad input, not a usage error of its own")
    func badSchedule() throws {
        let output = try SoswBinary.besideTests.run(["simulate", "--schedule", "lifo"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--schedule must be 'fifo' or 'random:<seed>', got 'lifo'"))
    }

    @Test("2: a command line the parser refuses is bad input, with the parser's message and usage", arguments: [
        (["simulate", "--no-such-option"], "Unknown option '--no-such-option'"),
        (["simulate", "--seed", "many"], "The value 'many' is invalid for '--seed <seed>'"),
        (["sweep"], "Missing expected argument '<file>'"),
        (["no-such-command"], "Unexpected argument 'no-such-command'"),
    ])
    func refusedCommandLine(arguments: [String], message: String) throws {
        let output = try SoswBinary.besideTests.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stderr)")
        #expect(output.stderr.contains(message), "\(output.stderr)")
        #expect(output.stderr.contains("Usage:"), "\(output.stderr)")
    }

    @Test("3: an output folder that cannot be made, in simulate (kernel and engine), check and sweep", arguments: [
        ["simulate", "kernel"], ["simulate"], ["check"], ["sweep", "--seeds", "1"],
    ])
    func couldNotRun(command: [String]) throws {
        let directory = try temporaryDirectory("exit3")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = "\(directory)/a-file"
        try "not a folder".write(toFile: blocker, atomically: true, encoding: .utf8)
        let file = command.last == "kernel" ? "\(Self.scenarios)/kernel-contention.yaml" : try Self.shortQuickstart(in: directory)
        let arguments = command.filter { $0 != "kernel" } + [file, "--out", "\(blocker)/out"]
        let output = try SoswBinary.besideTests.run(arguments)
        #expect(output.status == 3, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.hasPrefix("error: "), "\(output.stderr)")
    }
}
