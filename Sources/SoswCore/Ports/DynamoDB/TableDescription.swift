/// A table as CreateTable, DescribeTable and DeleteTable report it: its keys, indexes, size and status.
public struct TableDescription: Sendable, Equatable, Codable {
    public var tableName: String
    public var tableStatus: TableStatus?
    public var keySchema: [KeySchemaElement]?
    public var attributeDefinitions: [AttributeDefinition]?
    /// Unix seconds.
    public var creationDateTime: Double?
    public var itemCount: Int64?
    public var tableSizeBytes: Int64?
    public var tableArn: String?
    public var tableId: String?
    public var billingModeSummary: BillingModeSummary?
    public var provisionedThroughput: ProvisionedThroughputDescription?
    public var globalSecondaryIndexes: [GlobalSecondaryIndexDescription]?
    public var localSecondaryIndexes: [LocalSecondaryIndexDescription]?

    public init(
        tableName: String,
        tableStatus: TableStatus? = nil,
        keySchema: [KeySchemaElement]? = nil,
        attributeDefinitions: [AttributeDefinition]? = nil,
        creationDateTime: Double? = nil,
        itemCount: Int64? = nil,
        tableSizeBytes: Int64? = nil,
        tableArn: String? = nil,
        tableId: String? = nil,
        billingModeSummary: BillingModeSummary? = nil,
        provisionedThroughput: ProvisionedThroughputDescription? = nil,
        globalSecondaryIndexes: [GlobalSecondaryIndexDescription]? = nil,
        localSecondaryIndexes: [LocalSecondaryIndexDescription]? = nil
    ) {
        self.tableName = tableName
        self.tableStatus = tableStatus
        self.keySchema = keySchema
        self.attributeDefinitions = attributeDefinitions
        self.creationDateTime = creationDateTime
        self.itemCount = itemCount
        self.tableSizeBytes = tableSizeBytes
        self.tableArn = tableArn
        self.tableId = tableId
        self.billingModeSummary = billingModeSummary
        self.provisionedThroughput = provisionedThroughput
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case tableStatus = "TableStatus"
        case keySchema = "KeySchema"
        case attributeDefinitions = "AttributeDefinitions"
        case creationDateTime = "CreationDateTime"
        case itemCount = "ItemCount"
        case tableSizeBytes = "TableSizeBytes"
        case tableArn = "TableArn"
        case tableId = "TableId"
        case billingModeSummary = "BillingModeSummary"
        case provisionedThroughput = "ProvisionedThroughput"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
    }
}
