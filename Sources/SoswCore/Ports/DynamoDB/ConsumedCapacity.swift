/// The capacity one call consumed: the total (TOTAL), plus the table and each index apart (INDEXES).
/// These are the figures AWS bills, so the simulation's cost reports add them up.
public struct ConsumedCapacity: Sendable, Equatable, Codable {
    public var tableName: String?
    public var capacityUnits: Double?
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var table: Capacity?
    public var globalSecondaryIndexes: [String: Capacity]?
    public var localSecondaryIndexes: [String: Capacity]?

    public init(
        tableName: String? = nil,
        capacityUnits: Double? = nil,
        readCapacityUnits: Double? = nil,
        writeCapacityUnits: Double? = nil,
        table: Capacity? = nil,
        globalSecondaryIndexes: [String: Capacity]? = nil,
        localSecondaryIndexes: [String: Capacity]? = nil
    ) {
        self.tableName = tableName
        self.capacityUnits = capacityUnits
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.table = table
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case capacityUnits = "CapacityUnits"
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
        case table = "Table"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
    }
}
