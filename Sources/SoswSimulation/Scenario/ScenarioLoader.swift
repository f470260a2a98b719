import Foundation
import SoswCore
import Yams

/// Loads scenario files (YAML or JSON: JSON is YAML, so one path) into checked ``Scenario`` values.
///
/// Every unknown key, wrong type and impossible value is a ``ScenarioError`` naming the file, the line and the
/// key path, with the allowed keys listed and the nearest one suggested; then the names are cross-checked
/// (labourers, functions, essentials, indexes), so nothing runs half-configured. Files a scenario refers to
/// (`empirical:` durations, `replay:` metrics) are resolved relative to the scenario file.
public struct ScenarioLoader: Sendable {
    /// Reads a text file by path; injected so tests can supply referenced CSV files without a disk.
    public typealias ReadFile = @Sendable (_ path: String) throws -> String

    let readFile: ReadFile
    /// The physical memory a scenario's work must fit in (``ScenarioLimits/checkSize(of:file:memory:)``); nil
    /// skips the size checks.
    let memory: UInt64?

    public init(
        readFile: @escaping ReadFile = ScenarioLoader.readFromDisk, memory: UInt64? = ScenarioLimits.memoryToCheck()
    ) {
        self.readFile = readFile
        self.memory = memory
    }

    /// Reads UTF-8 text from the file system; a missing file is reported as plainly as "no such file".
    public static let readFromDisk: ReadFile = { path in
        guard FileManager.default.fileExists(atPath: path) else { throw UnreadableFile(reason: "no such file") }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UnreadableFile(reason: "not readable as UTF-8 text (\(error.localizedDescription))")
        }
    }

    /// Why a file could not be read, in words fit for a one-line error message.
    public struct UnreadableFile: Error, CustomStringConvertible {
        public var reason: String

        public init(reason: String) {
            self.reason = reason
        }

        public var description: String { reason }
    }

    /// Loads the file at `path` in whichever form it is (see ``LoadedScenario``).
    public func load(path: String) throws(ScenarioError) -> LoadedScenario {
        try load(yaml: read(path), file: path)
    }

    /// Loads scenario text named `file` in whichever form it is: with a top-level `workload:` key, a
    /// ``KernelScenario``; otherwise a ``Scenario``.
    public func load(yaml text: String, file: String) throws(ScenarioError) -> LoadedScenario {
        let root = try YAMLDocument.compose(text, file: file)
        if case .mapping(let mapping) = root, mapping.keys.contains(where: { $0.string == "workload" }) {
            return .kernel(try KernelScenario(yaml: text, file: file))
        }
        return .engine(try engineScenario(root, file: file))
    }

    /// Loads the scenario-engine file at `path`.
    public func scenario(path: String) throws(ScenarioError) -> Scenario {
        try scenario(yaml: read(path), file: path)
    }

    /// Loads scenario-engine text named `file` (referenced files are resolved relative to `file`).
    public func scenario(yaml text: String, file: String) throws(ScenarioError) -> Scenario {
        try engineScenario(YAMLDocument.compose(text, file: file), file: file)
    }

    /// Parses the node tree of a scenario-engine file, then holds the whole run's size to ``memory``, placing
    /// a refusal on the line of its key path.
    func engineScenario(_ root: Node, file: String) throws(ScenarioError) -> Scenario {
        let parser = ScenarioParser(file: file, readFile: readFile)
        let scenario = try parser.scenario(root)
        do {
            try ScenarioLimits.checkSize(of: scenario, file: file, memory: memory)
        } catch {
            throw ScenarioError(
                file: error.file, line: parser.locate(error.keyPath, in: root).mark?.line, keyPath: error.keyPath,
                problem: error.problem)
        }
        return scenario
    }

    private func read(_ path: String) throws(ScenarioError) -> String {
        do {
            return try readFile(path)
        } catch {
            throw ScenarioError(file: path, line: nil, keyPath: "", problem: "cannot read the file: \(error)")
        }
    }
}
