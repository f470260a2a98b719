/// The provisioned capacity of one of sosw's tables and its global indexes, for creating it with
/// `BillingMode PROVISIONED` as sosw's example stack does (3 read and 2 write units, its index the same) rather
/// than billed per request. Applied to ``SoswTableSchemas/createTableInputs(config:configTable:meta:)``'s
/// requests with ``provisioning(_:in:)``.
public struct TableThroughput: Sendable, Equatable {
    public var table: ProvisionedThroughput
    /// Global indexes by name; one not named gets the table's units.
    public var indexes: [String: ProvisionedThroughput]

    public init(table: ProvisionedThroughput, indexes: [String: ProvisionedThroughput] = [:]) {
        self.table = table
        self.indexes = indexes
    }

    /// `inputs` with the tables `throughputs` names (by table name) provisioned; the others unchanged.
    public static func provisioning(_ throughputs: [String: TableThroughput], in inputs: [CreateTableInput]) -> [CreateTableInput] {
        inputs.map { input in throughputs[input.tableName].map { $0.provisioning(input) } ?? input }
    }

    /// `input` provisioned with this capacity.
    public func provisioning(_ input: CreateTableInput) -> CreateTableInput {
        var input = input
        input.billingMode = .provisioned
        input.provisionedThroughput = table
        input.globalSecondaryIndexes = input.globalSecondaryIndexes?.map { index in
            var index = index
            index.provisionedThroughput = indexes[index.indexName] ?? table
            return index
        }
        return input
    }
}
