import SoswCore

/// sosw's configuration documents as SSM parameters (named like the `config` table's documents), for
/// `sosw config` and `sosw labourer add --source ssm`: read decrypted, written whole with `Overwrite`, as sosw's
/// SSMConfig `update_config` writes them.
public struct SSMConfigStore: ConfigDocumentStore {
    public let client: SSMClient
    /// `String` as sosw writes; `SecureString` for documents holding credentials.
    public let parameterType: SSMClient.ParameterType

    public init(client: SSMClient, parameterType: SSMClient.ParameterType = .string) {
        self.client = client
        self.parameterType = parameterType
    }

    public var location: String { "SSM parameters (\(parameterType.rawValue))" }

    public func storedDocument(named name: String) async throws -> JSONValue? {
        guard let text = try await client.parameterValue(named: name, withDecryption: true) else { return nil }
        return (try? JSONValue(parsing: text)) ?? .string(text)
    }

    public func store(_ document: JSONValue, named name: String) async throws {
        try await client.putParameter(name: name, value: document.serialized(), type: parameterType)
    }
}
