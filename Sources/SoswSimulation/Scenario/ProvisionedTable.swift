import SoswCore

/// One of sosw's tables created with provisioned capacity (`dynamodb.tables.<name>: {billing: provisioned, rcu,
/// wcu, indexes}`) instead of billed per request: the simulated table then refuses requests beyond its capacity
/// and its bill is its capacity per hour over the run.
public struct ProvisionedTable: Sendable, Hashable {
    public var readCapacityUnits: Int64
    public var writeCapacityUnits: Int64
    /// Global indexes given their own units, by name; the others get the table's.
    public var indexes: [String: IndexCapacity]

    /// A global index's provisioned units.
    public struct IndexCapacity: Sendable, Hashable {
        public var readCapacityUnits: Int64
        public var writeCapacityUnits: Int64

        public init(readCapacityUnits: Int64, writeCapacityUnits: Int64) {
            self.readCapacityUnits = readCapacityUnits
            self.writeCapacityUnits = writeCapacityUnits
        }
    }

    public init(readCapacityUnits: Int64, writeCapacityUnits: Int64, indexes: [String: IndexCapacity] = [:]) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.indexes = indexes
    }

    /// As CreateTable takes it.
    public var throughput: TableThroughput {
        TableThroughput(
            table: ProvisionedThroughput(readCapacityUnits: readCapacityUnits, writeCapacityUnits: writeCapacityUnits),
            indexes: indexes.mapValues {
                ProvisionedThroughput(readCapacityUnits: $0.readCapacityUnits, writeCapacityUnits: $0.writeCapacityUnits)
            })
    }
}

extension ScenarioLimits {
    /// The read or write units a provisioned table or index may have: DynamoDB's default quota per table.
    public static let capacityUnits: ClosedRange<Int64> = 1...40_000
}
