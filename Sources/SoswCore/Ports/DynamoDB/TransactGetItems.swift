/// Up to 100 reads of distinct items, answered from one consistent snapshot: either every item as it stands
/// at one moment, or an error.
public struct TransactGetItemsInput: Sendable, Equatable, Codable {
    public var transactItems: [TransactGetItem]
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(transactItems: [TransactGetItem], returnConsumedCapacity: ReturnConsumedCapacity? = nil) {
        self.transactItems = transactItems
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case transactItems = "TransactItems"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// One response per requested item, in the request's order, and the capacity per table.
public struct TransactGetItemsOutput: Sendable, Equatable, Codable {
    public var responses: [ItemResponse]?
    public var consumedCapacity: [ConsumedCapacity]?

    public init(responses: [ItemResponse]? = nil, consumedCapacity: [ConsumedCapacity]? = nil) {
        self.responses = responses
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case responses = "Responses"
        case consumedCapacity = "ConsumedCapacity"
    }
}

/// The item one read of a TransactGetItems found (absent when there is none).
public struct ItemResponse: Sendable, Equatable, Codable {
    public var item: DynamoItem?

    public init(item: DynamoItem? = nil) {
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
    }
}
