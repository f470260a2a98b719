/// Reads the items of one partition of a table or index, in sort-key order, a page at a time.
public struct QueryInput: Sendable, Equatable, Codable {
    public var tableName: String
    public var indexName: String?
    public var keyConditionExpression: String?
    /// Applied after the page is read: filtered items still cost capacity.
    public var filterExpression: String?
    public var projectionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    public var select: Select?
    /// The most items to evaluate (before the filter) in this page.
    public var limit: Int?
    public var consistentRead: Bool?
    /// false reads in descending sort-key order.
    public var scanIndexForward: Bool?
    /// The LastEvaluatedKey of the previous page.
    public var exclusiveStartKey: DynamoItem?
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String,
        indexName: String? = nil,
        keyConditionExpression: String? = nil,
        filterExpression: String? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        select: Select? = nil,
        limit: Int? = nil,
        consistentRead: Bool? = nil,
        scanIndexForward: Bool? = nil,
        exclusiveStartKey: DynamoItem? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.indexName = indexName
        self.keyConditionExpression = keyConditionExpression
        self.filterExpression = filterExpression
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.select = select
        self.limit = limit
        self.consistentRead = consistentRead
        self.scanIndexForward = scanIndexForward
        self.exclusiveStartKey = exclusiveStartKey
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case indexName = "IndexName"
        case keyConditionExpression = "KeyConditionExpression"
        case filterExpression = "FilterExpression"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case select = "Select"
        case limit = "Limit"
        case consistentRead = "ConsistentRead"
        case scanIndexForward = "ScanIndexForward"
        case exclusiveStartKey = "ExclusiveStartKey"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// One page of a Query: the matching items, how many matched and how many were read, and where to continue.
public struct QueryOutput: Sendable, Equatable, Codable {
    public var items: [DynamoItem]?
    public var count: Int
    public var scannedCount: Int
    /// Present when there may be more items: pass it as ExclusiveStartKey.
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
