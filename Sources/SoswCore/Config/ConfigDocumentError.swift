/// A document an upload refuses, and why.
public struct ConfigDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document's name (`sosw_orchestrator_config`).
    public var document: String
    public var error: ConfigError

    public init(document: String, error: ConfigError) {
        self.document = document
        self.error = error
    }

    public var description: String { "document \(document): \(error)" }
}
