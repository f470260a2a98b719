/// Reads every item of a table or index, a page at a time.
public struct ScanInput: Sendable, Equatable, Codable {
    public var tableName: String
    public var indexName: String?
    public var filterExpression: String?
    public var projectionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    public var select: Select?
    public var limit: Int?
    public var consistentRead: Bool?
    public var exclusiveStartKey: DynamoItem?
    public var segment: Int?
    public var totalSegments: Int?
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String,
        indexName: String? = nil,
        filterExpression: String? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        select: Select? = nil,
        limit: Int? = nil,
        consistentRead: Bool? = nil,
        exclusiveStartKey: DynamoItem? = nil,
        segment: Int? = nil,
        totalSegments: Int? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.select = select
        self.limit = limit
        self.consistentRead = consistentRead
        self.exclusiveStartKey = exclusiveStartKey
        self.segment = segment
        self.totalSegments = totalSegments
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case indexName = "IndexName"
        case filterExpression = "FilterExpression"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case select = "Select"
        case limit = "Limit"
        case consistentRead = "ConsistentRead"
        case exclusiveStartKey = "ExclusiveStartKey"
        case segment = "Segment"
        case totalSegments = "TotalSegments"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// One page of a Scan.
public struct ScanOutput: Sendable, Equatable, Codable {
    public var items: [DynamoItem]?
    public var count: Int
    public var scannedCount: Int
    public var lastEvaluatedKey: DynamoItem?
    /// The capacity the call consumed, when asked for.
    public var consumedCapacity: ConsumedCapacity?

    public init(
        items: [DynamoItem]? = nil,
        count: Int,
        scannedCount: Int,
        lastEvaluatedKey: DynamoItem? = nil,
        consumedCapacity: ConsumedCapacity? = nil
    ) {
        self.items = items
        self.count = count
        self.scannedCount = scannedCount
        self.lastEvaluatedKey = lastEvaluatedKey
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case items = "Items"
        case count = "Count"
        case scannedCount = "ScannedCount"
        case lastEvaluatedKey = "LastEvaluatedKey"
        case consumedCapacity = "ConsumedCapacity"
    }
}
