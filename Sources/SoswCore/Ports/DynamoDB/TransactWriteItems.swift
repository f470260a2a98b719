/// Up to 100 actions on distinct items that all happen or none does: sosw moves a task between tables this way.
public struct TransactWriteItemsInput: Sendable, Equatable, Codable {
    public var transactItems: [TransactWriteItem]
    public var clientRequestToken: String?
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?

    public init(
        transactItems: [TransactWriteItem],
        clientRequestToken: String? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil
    ) {
        self.transactItems = transactItems
        self.clientRequestToken = clientRequestToken
        self.returnConsumedCapacity = returnConsumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case transactItems = "TransactItems"
        case clientRequestToken = "ClientRequestToken"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
    }
}

/// The capacity per table of a committed transaction.
public struct TransactWriteItemsOutput: Sendable, Equatable, Codable {
    public var consumedCapacity: [ConsumedCapacity]?

    public init(consumedCapacity: [ConsumedCapacity]? = nil) {
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case consumedCapacity = "ConsumedCapacity"
    }
}
