/// The keys to read from one table in a BatchGetItem, and how.
public struct KeysAndAttributes: Sendable, Equatable, Codable {
    public var keys: [DynamoItem]
    public var consistentRead: Bool?
    public var projectionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?

    public init(
        keys: [DynamoItem],
        consistentRead: Bool? = nil,
        projectionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil
    ) {
        self.keys = keys
        self.consistentRead = consistentRead
        self.projectionExpression = projectionExpression
        self.expressionAttributeNames = expressionAttributeNames
    }

    enum CodingKeys: String, CodingKey {
        case keys = "Keys"
        case consistentRead = "ConsistentRead"
        case projectionExpression = "ProjectionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
    }
}
