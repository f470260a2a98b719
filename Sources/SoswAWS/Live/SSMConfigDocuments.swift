import SoswCore

/// Reads one SSM parameter's value; nil when there is no such parameter. The live SSM client answers it; a
/// test can answer it from a dictionary.
public protocol SSMParameterReading: Sendable {
    func parameterValue(named name: String, withDecryption: Bool) async throws -> String?
}

/// sosw's SSMConfig: configuration documents kept as SSM parameters named like the `config` table's
/// documents (`sosw_essential_config`, `<function>_config`), each a JSON object, SecureString or not.
public struct SSMConfigDocuments: Sendable {
    public let parameters: any SSMParameterReading

    public init(parameters: any SSMParameterReading) {
        self.parameters = parameters
    }

    /// The parameter's JSON object, decrypted; `{}` when there is no such parameter, as in sosw. A value that
    /// is not a JSON object is an error naming the parameter (sosw silently used `{}`, so a typo in a document
    /// ran the essential with defaults).
    public func document(named name: String) async throws -> JSONValue {
        guard let text = try await parameters.parameterValue(named: name, withDecryption: true) else { return [:] }
        guard let document = try? JSONValue(parsing: text), document.objectValue != nil else {
            throw ConfigError(
                path: name, value: nil,
                expectation: "a JSON object as the value of the SSM parameter '\(name)' (its value is not shown: it may hold secrets)")
        }
        return document
    }
}
