import ArgumentParser
import Foundation
import SoswReports
import SoswSimulation

/// `sosw check`: runs scenarios and their expectations, for CI.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and check their expectations; exit 1 when any fails.",
        discussion: """
            Prints one line per expectation with the measured value, and per scenario its drain time and wall \
            time. Every scenario's outputs are written as by `sosw simulate` (under reports/<name>/, or \
            <out>/<name>/). A directory stands for its *.yaml, *.yml and *.json scenario files. With --baseline DIR, \
            each scenario's drain time, p99 latency per labourer, cost and AWS calls in total are also held to \
            DIR/<name>.json within --tolerance (default 5%), one line per figure; --write-baseline DIR writes those \
            files from this run. Exit status: 0 all hold, 1 an expectation failed or a figure moved past the \
            tolerance (or has no baseline), 2 a scenario is malformed or an option is wrong, 3 an output cannot be \
            written.
            """
    )

    @Argument(help: "Scenario files or directories.")
    var paths: [String]

    @Option(help: "Write JUnit XML (one test case per expectation) to this file.")
    var junit: String?

    @Option(help: "Output directory; each scenario writes under <out>/<scenario name> (default: reports).")
    var out: String = "reports"

    @Option(help: "Hold each scenario's figures to <baseline>/<scenario name>.json (e.g. reports/baselines).")
    var baseline: String?

    @Option(help: "How far a figure may move from its baseline, in percent of it (e.g. 5%).")
    var tolerance: String = "5%"

    @Option(help: "Write each scenario's baseline to <dir>/<scenario name>.json from this run.")
    var writeBaseline: String?

    func run() async throws {
        guard let tolerance = Tolerance(tolerance) else {
            FileHandle.standardError.write(Data("error: --tolerance '\(self.tolerance)' is not a percentage; expected e.g. 5%\n".utf8))
            throw ExitCode(2)
        }
        var summaries: [RunSummary] = []
        var baselineFailures = 0
        var violations = 0
        for file in try scenarioFiles() {
            let (loaded, text) = try ScenarioFileReader.load(file)
            guard case .engine(let scenario) = loaded else {
                print("skip  \(file): a kernel-workload file has no expectations")
                continue
            }
            let (result, summary, _) = try EngineRun(
                scenario: scenario, scenarioText: text, seed: nil, scheduling: .fifo,
                outputs: RunOutputs(directory: "\(out)/\(scenario.name)")
            ).run()
            for expectation in summary.expectations {
                let verdict = expectation.passed ? "pass" : "FAIL"
                var line = "\(verdict)  \(scenario.name): \(expectation.name) — measured \(expectation.measured)"
                if !expectation.passed { line += " (\(expectation.message))" }
                print(line)
            }
            if let violation = result.invariantViolation {
                // Its headline is the failed `invariant …` expectation above; here, what led to it.
                print((["      last \(violation.recentEvents.count) events:"] + violation.recentEvents.map { "        \($0)" })
                    .joined(separator: "\n"))
                violations += 1
            }
            let drain = summary.drainedAfterSeconds.map { "drained after \(RunSummary.duration($0))" } ?? "not drained"
            print("      \(scenario.name): \(drain), \(String(format: "%.3f", summary.record.wallSeconds)) s wall")
            let figures = ScenarioBaseline(summary: summary.json)
            if let baseline {
                baselineFailures += try BaselineFile(directory: baseline, scenario: scenario.name).check(figures, tolerance: tolerance)
            }
            if let writeBaseline {
                try BaselineFile(directory: writeBaseline, scenario: scenario.name).write(figures)
            }
            summaries.append(summary)
        }
        if let junit {
            try OutputFailure.reporting { try RunOutputs.write(JUnitReport.xml(summaries), to: junit) }
        }
        let failures = summaries.reduce(0) { $0 + $1.expectations.filter { !$0.passed }.count }
        let total = summaries.reduce(0) { $0 + $1.expectations.count }
        var result = "\(summaries.count) scenarios, \(total) expectations, \(failures) failed, \(violations) invariant violations"
        if baseline != nil { result += "; \(baselineFailures) baseline figure\(baselineFailures == 1 ? "" : "s") moved past \(tolerance)" }
        print(result)
        if failures > 0 || violations > 0 || baselineFailures > 0 { throw ExitCode(1) }
    }

    /// The files named, with each directory replaced by its scenario files, sorted.
    private func scenarioFiles() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("error: \(path) does not exist\n".utf8))
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    FileHandle.standardError.write(Data("error: cannot list the directory \(path)\n".utf8))
                    throw ExitCode(2)
                }
                let names = entries
                    .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json")) && !$0.hasSuffix(".schema.json") }
                    .sorted()
                files += names.map { "\(path)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
