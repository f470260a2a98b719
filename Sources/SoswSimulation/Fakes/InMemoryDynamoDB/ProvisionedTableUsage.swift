/// One provisioned table of the DynamoDB fake as a bill sees it: the capacity provisioned for it (the table's
/// and its global indexes' units together, billed per hour whether used or not) and the units its requests
/// consumed (already paid for by that capacity, so not billed per request).
public struct ProvisionedTableUsage: Sendable, Hashable {
    public var table: String
    public var readCapacityUnits: Int64
    public var writeCapacityUnits: Int64
    public var consumedReadUnits: Double
    public var consumedWriteUnits: Double

    public init(
        table: String, readCapacityUnits: Int64, writeCapacityUnits: Int64, consumedReadUnits: Double,
        consumedWriteUnits: Double
    ) {
        self.table = table
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.consumedReadUnits = consumedReadUnits
        self.consumedWriteUnits = consumedWriteUnits
    }
}

extension InMemoryDynamoDBState {
    /// Every provisioned table's usage, by table name.
    var provisionedUsage: [ProvisionedTableUsage] {
        provisioned.keys.sorted().compactMap { name in
            guard let table = tables[name], let throughput = table.provisionedThroughput, let capacity = provisioned[name]
            else { return nil }
            let indexes = table.globalIndexes.compactMap(\.provisionedThroughput)
            return ProvisionedTableUsage(
                table: name,
                readCapacityUnits: indexes.reduce(throughput.readCapacityUnits) { $0 + $1.readCapacityUnits },
                writeCapacityUnits: indexes.reduce(throughput.writeCapacityUnits) { $0 + $1.writeCapacityUnits },
                consumedReadUnits: capacity.consumedReadUnits, consumedWriteUnits: capacity.consumedWriteUnits)
        }
    }
}
