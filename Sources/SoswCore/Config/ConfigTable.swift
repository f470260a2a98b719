/// sosw's DynamoConfig: configuration documents in the `config` table, keyed by `env` and
/// `config_name`, their `config_value` a JSON string.
public struct ConfigTable: Sendable {
    public static let essentialDocument = "sosw_essential_config"

    let dynamoDB: any DynamoDB
    public let tableName: String
    public let env: String

    public init(dynamoDB: any DynamoDB, tableName: String = "config", env: String = "production") {
        self.dynamoDB = dynamoDB
        self.tableName = tableName
        self.env = env
    }

    /// sosw's `get_config(name)`: the decoded `config_value`; a value that is not JSON comes back as a
    /// string, a missing document as `{}`.
    public func document(named name: String) async throws -> JSONValue {
        try await storedDocument(named: name) ?? [:]
    }

    /// The decoded `config_value` of `name`, nil when the table has no such document (where sosw answers `{}`):
    /// an upload tells a new document from an empty one.
    public func storedDocument(named name: String) async throws -> JSONValue? {
        let output = try await dynamoDB.getItem(GetItemInput(
            tableName: tableName, key: ["env": .s(env), "config_name": .s(name)]))
        guard let value = output.item?["config_value"] else { return nil }
        guard let text = value.stringValue else { return JSONValue(dynamo: value) }
        return (try? JSONValue(parsing: text)) ?? .string(text)
    }

    /// The layers of an essential named `functionName`: `sosw_essential_config`, then
    /// `<functionName>_config`, over `defaults`, under `custom`.
    public func layers(functionName: String, defaults: JSONValue, custom: JSONValue = [:]) async throws -> ConfigLayers {
        ConfigLayers(
            defaults: defaults,
            essential: try await objectDocument(named: ConfigTable.essentialDocument),
            function: try await objectDocument(named: "\(functionName)_config"),
            custom: custom)
    }

    /// Writes a document (sosw's `update_config`), as a JSON string.
    public func store(_ document: JSONValue, named name: String) async throws {
        _ = try await dynamoDB.putItem(PutItemInput(tableName: tableName, item: [
            "env": .s(env), "config_name": .s(name), "config_value": .s(document.serialized()),
        ]))
    }

    /// A document that must be a JSON object (`{}` when missing); anything else is a ``ConfigError``.
    public func objectDocument(named name: String) async throws -> JSONValue {
        let document = try await document(named: name)
        guard document.objectValue != nil else {
            throw ConfigError(path: name, value: document, expectation: "a JSON object in `config_value` of \(tableName)")
        }
        return document
    }
}
