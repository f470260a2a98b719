/// A value inside a configuration document together with its key path, so every typed read can fail with a
/// ``ConfigError`` that names the exact key.
public struct ConfigNode: Sendable {
    /// The value, `nil` when the key is absent. JSON `null` is treated as absent, as sosw's `or` fallbacks do.
    public let value: JSONValue?
    public let path: String

    public init(_ value: JSONValue?, path: String = "") {
        if case .null = value { self.value = nil } else { self.value = value }
        self.path = path
    }

    public var isPresent: Bool { value != nil }

    /// The member `key`; absent when this node is absent or not an object (``object()`` reports the latter).
    public subscript(key: String) -> ConfigNode {
        ConfigNode(value?[key], path: path.isEmpty ? key : "\(path).\(key)")
    }

    public func error(_ expectation: String) -> ConfigError {
        ConfigError(path: path, value: value, expectation: expectation)
    }

    /// The members of an object, sorted by key so iteration never depends on hashing; `[]` when absent.
    public func members() throws -> [(key: String, node: ConfigNode)] {
        guard let value else { return [] }
        guard let object = value.objectValue else { throw error("an object") }
        return object.keys.sorted(by: JSONValue.utf8Order).map { ($0, self[$0]) }
    }

    /// The elements of an array; `[]` when absent.
    public func elements() throws -> [ConfigNode] {
        guard let value else { return [] }
        guard let array = value.arrayValue else { throw error("an array") }
        return array.enumerated().map { ConfigNode($1, path: "\(path)[\($0)]") }
    }

    public func string(default fallback: String? = nil) throws -> String {
        guard let value else {
            if let fallback { return fallback }
            throw error("a string")
        }
        guard let text = value.stringValue else { throw error("a string") }
        return text
    }

    public func optionalString() throws -> String? {
        isPresent ? try string() : nil
    }

    /// An integer; integral doubles and digit strings are accepted because DynamoDB documents and YAML files
    /// both produce them for integer settings.
    public func int(default fallback: Int? = nil, atLeast minimum: Int? = nil) throws -> Int {
        let expectation = minimum.map { "an integer >= \($0)" } ?? "an integer"
        guard let value else {
            if let fallback { return fallback }
            throw error(expectation)
        }
        let parsed: Int64? =
            switch value {
            case .string(let text): Int64(text)
            default: value.intValue
            }
        guard let parsed, let result = Int(exactly: parsed) else { throw error(expectation) }
        if let minimum, result < minimum { throw error(expectation) }
        return result
    }

    public func optionalInt(atLeast minimum: Int? = nil) throws -> Int? {
        isPresent ? try int(atLeast: minimum) : nil
    }

    /// A number (integer or double; numeric strings accepted for the same reason as ``int(default:atLeast:)``).
    public func double(default fallback: Double? = nil) throws -> Double {
        guard let value else {
            if let fallback { return fallback }
            throw error("a number")
        }
        let parsed: Double? =
            switch value {
            case .string(let text): Double(text)
            default: value.doubleValue
            }
        guard let parsed, parsed.isFinite else { throw error("a number") }
        return parsed
    }

    /// Whole seconds, as every duration in sosw's configuration is written.
    public func seconds(default fallback: Duration? = nil) throws -> Duration {
        if value == nil, let fallback { return fallback }
        return .seconds(try int(atLeast: 0))
    }

    public func bool(default fallback: Bool) throws -> Bool {
        guard let value else { return fallback }
        guard let flag = value.boolValue else { throw error("true or false") }
        return flag
    }
}
