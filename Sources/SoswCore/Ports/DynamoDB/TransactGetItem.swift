/// One read of a TransactGetItems.
public struct TransactGetItem: Sendable, Equatable, Codable {
    public var get: TransactGet

    public init(get: TransactGet) {
        self.get = get
    }

    enum CodingKeys: String, CodingKey {
        case get = "Get"
    }
}

/// The item to read by its primary key, and which of its attributes to return.
public struct TransactGet: Sendable, Equatable, Codable {
    public var tableName: String
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem
    public var projectionExpression: String?
    /// Substitutes for attribute names in the projection (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?

    public init(
        tableName: String, key: DynamoItem, projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}
