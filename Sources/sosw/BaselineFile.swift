import ArgumentParser
import Foundation
import SoswCore
import SoswReports

/// One scenario's baseline file, `<directory>/<scenario>.json`, as `sosw check` reads and writes it.
struct BaselineFile {
    let directory: String
    let scenario: String

    var path: String { "\(directory)/\(scenario).json" }

    /// Prints one line per compared figure (`pass`/`FAIL`, name, change) and returns how many failed; a missing
    /// baseline is one failure saying how to write it, an unreadable one is bad input (exit status 2).
    func check(_ measured: ScenarioBaseline, tolerance: Tolerance) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else {
            print("FAIL  \(scenario): no baseline at \(path); write one with sosw check --write-baseline \(directory)")
            return 1
        }
        let baseline: ScenarioBaseline
        do {
            baseline = try ScenarioBaseline(json: JSONValue(parsing: String(contentsOfFile: path, encoding: .utf8)), file: path)
        } catch {
            FileHandle.standardError.write(Data("error: cannot read the baseline \(path): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let check = BaselineCheck(baseline: baseline, measured: measured, tolerance: tolerance)
        for figure in check.figures {
            print("\(figure.passed ? "pass" : "FAIL")  \(scenario): baseline \(figure.name) \(figure.verdict)")
        }
        return check.figures.filter { !$0.passed }.count
    }

    /// Writes the baseline (creating the directory); a file that cannot be written is exit status 3.
    func write(_ baseline: ScenarioBaseline) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try baseline.text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the baseline \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(3)
        }
        print("      \(scenario): wrote baseline \(path)")
    }
}
