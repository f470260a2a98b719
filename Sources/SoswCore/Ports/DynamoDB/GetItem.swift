/// Reads one item by its primary key.
public struct GetItemInput: Sendable, Equatable, Codable {
    public var tableName: String
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem
    /// A strongly consistent read costs twice an eventually consistent one.
    public var consistentRead: Bool?
    public var projectionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        tableName: String,
        key: DynamoItem,
        consistentRead: Bool? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.consistentRead = consistentRead
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case consistentRead = "ConsistentRead"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// The item (absent when there is none) and the consumed capacity.
public struct GetItemOutput: Sendable, Equatable, Codable {
    public var item: DynamoItem?
    /// The capacity the call consumed, when asked for.
    public var consumedCapacity: ConsumedCapacity?

    public init(item: DynamoItem? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.item = item
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
        case consumedCapacity = "ConsumedCapacity"
    }
}
