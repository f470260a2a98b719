/// Reads up to 100 items by key over one or more tables.
public struct BatchGetItemInput: Sendable, Equatable, Codable {
    /// Keys per table name.
    public var requestItems: [String: KeysAndAttributes]
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        requestItems: [String: KeysAndAttributes],
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.requestItems = requestItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case requestItems = "RequestItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// The items found per table, the keys the service did not get to, and the capacity per table.
public struct BatchGetItemOutput: Sendable, Equatable, Codable {
    public var responses: [String: [DynamoItem]]?
    public var unprocessedKeys: [String: KeysAndAttributes]?
    public var consumedCapacity: [ConsumedCapacity]?

    public init(
        responses: [String: [DynamoItem]]? = nil,
        unprocessedKeys: [String: KeysAndAttributes]? = nil,
        consumedCapacity: [ConsumedCapacity]? = nil
    ) {
        self.responses = responses
        self.unprocessedKeys = unprocessedKeys
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case responses = "Responses"
        case unprocessedKeys = "UnprocessedKeys"
        case consumedCapacity = "ConsumedCapacity"
    }
}
