/// Why a scenario file could not be loaded, with where: the file, the line and the key path, so the person
/// editing the file can go straight to the mistake. Shared by ``ScenarioLoader`` and ``KernelScenario``.
public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based; nil when the problem has no position (an empty file, a YAML syntax error Yams did not place).
    public var line: Int?
    /// Dotted path from the document root, with `[i]` for list elements: `lambda.functions.pull.outcomes`,
    /// `load[2].tasks.count`. Empty for the document itself.
    public var keyPath: String
    /// What was wrong, the value found and what was expected.
    public var problem: String

    public init(file: String, line: Int?, keyPath: String, problem: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.problem = problem
    }

    /// `file:line: key.path: problem`, the form compilers use, so editors and CI logs link to the line.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return keyPath.isEmpty ? "\(location): \(problem)" : "\(location): \(keyPath): \(problem)"
    }
}
