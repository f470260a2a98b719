import Foundation
import SoswCore
import Testing

@Suite("sosw check --baseline, as a separate process")
struct BaselineCommandTests {
    /// The release binary when `scripts/test` built one (the committed baselines were written with it), else
    /// the debug one beside the tests.
    static var binary: SoswBinary {
        ProcessInfo.processInfo.environment["SOSW_RELEASE_BINARY"].map(SoswBinary.init(path:)) ?? .besideTests
    }

    static let baselines: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("reports/baselines").path
    }()

    @Test("every scenario in scenarios/ holds to its committed baseline")
    func committedBaselines() throws {
        let directory = try temporaryDirectory("baselines")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try Self.binary.run([
            "check", CheckCommandTests.scenarios, "--baseline", Self.baselines, "--tolerance", "5%", "--out", directory,
        ])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains("pass  steady-drain: baseline drained_after_seconds"))
        #expect(output.stdout.contains("steady-drain: drained after"))
        #expect(output.stdout.contains("; 0 baseline figures moved past 5%"))
    }

    @Test("a figure moved past the tolerance fails with the figure, the change and the tolerance")
    func movedFigure() throws {
        let directory = try temporaryDirectory("baseline-moved")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scenario = "\(CheckCommandTests.scenarios)/quickstart.yaml"
        let written = try SoswBinary.besideTests.run(["check", scenario, "--out", directory, "--write-baseline", "\(directory)/baselines"])
        #expect(written.status == 0, "\(written.stderr)")
        let file = "\(directory)/baselines/quickstart.json"
        var baseline = try JSONValue(parsing: String(contentsOfFile: file, encoding: .utf8)).objectValue ?? [:]
        let drained = try #require(baseline["figures"]?["drained_after_seconds"]?.doubleValue)
        var figures = baseline["figures"]?.objectValue ?? [:]
        figures["drained_after_seconds"] = .double(drained * 1.1)
        baseline["figures"] = .object(figures)
        try JSONValue.object(baseline).serialized().write(toFile: file, atomically: true, encoding: .utf8)

        let output = try SoswBinary.besideTests.run(["check", scenario, "--out", directory, "--baseline", "\(directory)/baselines"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL  quickstart: baseline drained_after_seconds -9.1% ("), "\(output.stdout)")
        #expect(output.stdout.contains("beyond the tolerance of 5%"))
        #expect(output.stdout.contains("pass  quickstart: baseline aws_calls_total +0.0%"))
        #expect(output.stdout.contains("; 1 baseline figure moved past 5%"))

        let wider = try SoswBinary.besideTests.run(["check", scenario, "--out", directory, "--baseline", "\(directory)/baselines", "--tolerance", "10%"])
        #expect(wider.status == 0, "\(wider.stdout)")
    }

    @Test("a scenario without a baseline fails saying how to write one; a bad tolerance is bad input")
    func missingBaseline() throws {
        let directory = try temporaryDirectory("baseline-missing")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scenario = "\(CheckCommandTests.scenarios)/quickstart.yaml"
        let output = try SoswBinary.besideTests.run(["check", scenario, "--out", directory, "--baseline", "\(directory)/none"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL  quickstart: no baseline at \(directory)/none/quickstart.json; write one with sosw check --write-baseline"))
        let tolerance = try SoswBinary.besideTests.run(["check", scenario, "--out", directory, "--tolerance", "lots"])
        #expect(tolerance.status == 2 && tolerance.stderr.contains("--tolerance 'lots' is not a percentage"))
    }
}
