/// A configuration value the core cannot use, named by its key path so the person fixing the `config` table or
/// scenario file knows where to look, what is there and what would be accepted.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted key path from the root of the merged document, e.g. `task_config.labourers.foo.max_attempts`.
    public var path: String
    /// The offending value, `nil` when the key is missing.
    public var value: JSONValue?
    /// What would have been accepted.
    public var expectation: String

    public init(path: String, value: JSONValue?, expectation: String) {
        self.path = path
        self.value = value
        self.expectation = expectation
    }

    public var description: String {
        let found = value.map { "got \($0.serialized())" } ?? "the key is missing"
        return "config `\(path)`: expected \(expectation), \(found)"
    }
}
