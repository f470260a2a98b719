/// The audit trail's settings, `meta_handler_config` of the essentials' merged documents (or a worker's own
/// document), with sosw's defaults for the keys it leaves out.
///
/// Without the key the trail is off: nothing is written, read or logged. (sosw 0.7.51's essentials built a
/// handler with the defaults even then, and wrote whenever the table happened to exist.)
public struct MetaHandlerConfig: Hashable, Sendable {
    /// `write_meta_to_ddb`: false logs the rows instead of writing them.
    public var writesToDynamoDB: Bool
    /// `dynamo_db_config.table_name`.
    public var tableName: String
    /// `dynamo_db_config.hash_key`: the attribute the conditional put requires to be new.
    public var hashKey: String

    /// The table's range key, as sosw's table template has it: rows of one task sort by time.
    public static let rangeKey = "created_at"

    public init(writesToDynamoDB: Bool = true, tableName: String = "sosw_tasks_meta", hashKey: String = "task_id") {
        self.writesToDynamoDB = writesToDynamoDB
        self.tableName = tableName
        self.hashKey = hashKey
    }

    /// The settings under `meta_handler_config` of a merged document; nil when the key is absent (or null).
    /// - Throws: ``ConfigError`` naming the key whose value is not what sosw accepts.
    public static func read(from document: JSONValue) throws -> MetaHandlerConfig? {
        let node = ConfigNode(document)["meta_handler_config"]
        guard node.isPresent else { return nil }
        guard node.value?.objectValue != nil else { throw node.error("an object (or no key, for no audit trail)") }
        let table = node["dynamo_db_config"]
        if table.isPresent, table.value?.objectValue == nil { throw table.error("an object") }
        let defaults = MetaHandlerConfig()
        func name(_ key: String, default fallback: String) throws -> String {
            let name = try table[key].string(default: fallback)
            guard !name.isEmpty else { throw table[key].error("a non-empty name") }
            return name
        }
        return MetaHandlerConfig(
            writesToDynamoDB: try node["write_meta_to_ddb"].bool(default: defaults.writesToDynamoDB),
            tableName: try name("table_name", default: defaults.tableName),
            hashKey: try name("hash_key", default: defaults.hashKey))
    }
}
