/// Up to 25 unconditional puts and deletes over one or more tables, each applied on its own (not a transaction).
public struct BatchWriteItemInput: Sendable, Equatable, Codable {
    /// Writes per table name.
    public var requestItems: [String: [WriteRequest]]
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        requestItems: [String: [WriteRequest]],
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

/// The writes the service did not get to (to be retried), and the capacity per table.
public struct BatchWriteItemOutput: Sendable, Equatable, Codable {
    public var unprocessedItems: [String: [WriteRequest]]?
    public var consumedCapacity: [ConsumedCapacity]?

    public init(
        unprocessedItems: [String: [WriteRequest]]? = nil,
        consumedCapacity: [ConsumedCapacity]? = nil
    ) {
        self.unprocessedItems = unprocessedItems
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case unprocessedItems = "UnprocessedItems"
        case consumedCapacity = "ConsumedCapacity"
    }
}
