/// Creates a table with its key schema and secondary indexes.
public struct CreateTableInput: Sendable, Equatable, Codable {
    public var tableName: String
    public var keySchema: [KeySchemaElement]
    public var attributeDefinitions: [AttributeDefinition]
    public var billingMode: BillingMode?
    public var provisionedThroughput: ProvisionedThroughput?
    public var globalSecondaryIndexes: [GlobalSecondaryIndex]?
    public var localSecondaryIndexes: [LocalSecondaryIndex]?

    public init(
        tableName: String,
        keySchema: [KeySchemaElement],
        attributeDefinitions: [AttributeDefinition],
        billingMode: BillingMode? = nil,
        provisionedThroughput: ProvisionedThroughput? = nil,
        globalSecondaryIndexes: [GlobalSecondaryIndex]? = nil,
        localSecondaryIndexes: [LocalSecondaryIndex]? = nil
    ) {
        self.tableName = tableName
        self.keySchema = keySchema
        self.attributeDefinitions = attributeDefinitions
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.globalSecondaryIndexes = globalSecondaryIndexes
        self.localSecondaryIndexes = localSecondaryIndexes
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case keySchema = "KeySchema"
        case attributeDefinitions = "AttributeDefinitions"
        case billingMode = "BillingMode"
        case provisionedThroughput = "ProvisionedThroughput"
        case globalSecondaryIndexes = "GlobalSecondaryIndexes"
        case localSecondaryIndexes = "LocalSecondaryIndexes"
    }
}

/// The new table's description.
public struct CreateTableOutput: Sendable, Equatable, Codable {
    public var tableDescription: TableDescription?

    public init(tableDescription: TableDescription? = nil) {
        self.tableDescription = tableDescription
    }

    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
    }
}
