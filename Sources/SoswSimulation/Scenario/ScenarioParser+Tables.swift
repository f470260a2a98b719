import SoswCore
import Yams

extension ScenarioParser {
    static let dynamoDBKeys = ["tables"]
    static let tableBillingKeys = ["billing", "rcu", "wcu", "indexes"]

    /// `dynamodb: {tables: {<table>: {billing: provisioned, rcu, wcu, indexes: {<index>: {rcu, wcu}}}}}`: the
    /// tables of sosw (as `config` names them) to create with provisioned capacity; `billing: on_demand` (the
    /// default) leaves a table billed per request. Returns the provisioned ones by table name.
    func provisionedTables(_ node: Node, config: JSONValue) throws(ScenarioError) -> [String: ProvisionedTable] {
        let fields = try reader.mapping(node, path: "dynamodb", allowed: Self.dynamoDBKeys)
        guard let tablesNode = fields["tables"] else { return [:] }
        let taskManager = (try? SoswConfiguration(custom: config))?.taskManager
        let inputs = taskManager.map { SoswTableSchemas.createTableInputs(config: $0) } ?? []
        let tableNames = inputs.map(\.tableName)
        var tables: [String: ProvisionedTable] = [:]
        for entry in try reader.entries(tablesNode, path: "dynamodb.tables") {
            guard let input = inputs.first(where: { $0.tableName == entry.key }) else {
                throw reader.error(
                    entry.keyNode, entry.path,
                    "unknown table;\(NearMiss.hint(for: entry.key, among: tableNames)) expected one of sosw's tables as config names them: \(tableNames.joined(separator: ", "))")
            }
            let table = try reader.mapping(entry.value, path: entry.path, allowed: Self.tableBillingKeys)
            let billing = try table["billing"].map { node throws(ScenarioError) in
                try reader.choice(node, path: "\(entry.path).billing", among: ["provisioned", "on_demand"])
            } ?? "on_demand"
            guard billing == "provisioned" else {
                for key in ["rcu", "wcu", "indexes"] where table[key] != nil {
                    throw reader.error(
                        table[key]!, "\(entry.path).\(key)", "an on-demand table has no capacity; expected `billing: provisioned` next to `\(key)`")
                }
                continue
            }
            let (rcu, wcu) = try capacity(table, node: entry.value, path: entry.path)
            var indexes: [String: ProvisionedTable.IndexCapacity] = [:]
            if let indexesNode = table["indexes"] {
                let indexNames = (input.globalSecondaryIndexes ?? []).map(\.indexName)
                for index in try reader.entries(indexesNode, path: "\(entry.path).indexes") {
                    guard indexNames.contains(index.key) else {
                        throw reader.error(
                            index.keyNode, index.path,
                            "not a global index of \(entry.key);\(NearMiss.hint(for: index.key, among: indexNames)) expected one of: \(indexNames.isEmpty ? "(none)" : indexNames.joined(separator: ", "))")
                    }
                    let fields = try reader.mapping(index.value, path: index.path, allowed: ["rcu", "wcu"])
                    let (rcu, wcu) = try capacity(fields, node: index.value, path: index.path)
                    indexes[index.key] = ProvisionedTable.IndexCapacity(readCapacityUnits: rcu, writeCapacityUnits: wcu)
                }
            }
            tables[entry.key] = ProvisionedTable(readCapacityUnits: rcu, writeCapacityUnits: wcu, indexes: indexes)
        }
        return tables
    }

    /// The required `rcu` and `wcu` of a provisioned table or index, each within ``ScenarioLimits/capacityUnits``.
    private func capacity(_ fields: [String: Node], node: Node, path: String) throws(ScenarioError) -> (Int64, Int64) {
        func units(_ key: String, _ what: String) throws(ScenarioError) -> Int64 {
            try reader.integer(
                reader.required(fields[key], path: "\(path).\(key)", in: node, expected: "the provisioned \(what) units per second, e.g. 2"),
                path: "\(path).\(key)", in: ScenarioLimits.capacityUnits)
        }
        return (try units("rcu", "read"), try units("wcu", "write"))
    }
}
