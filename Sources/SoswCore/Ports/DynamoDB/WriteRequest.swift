/// One put or delete of a BatchWriteItem (exactly one of the two is set).
public struct WriteRequest: Sendable, Equatable, Codable {
    public var putRequest: PutRequest?
    public var deleteRequest: DeleteRequest?

    public init(putRequest: PutRequest? = nil, deleteRequest: DeleteRequest? = nil) {
        self.putRequest = putRequest
        self.deleteRequest = deleteRequest
    }

    enum CodingKeys: String, CodingKey {
        case putRequest = "PutRequest"
        case deleteRequest = "DeleteRequest"
    }
}

/// The put of a WriteRequest: unconditional.
public struct PutRequest: Sendable, Equatable, Codable {
    public var item: DynamoItem

    public init(item: DynamoItem) {
        self.item = item
    }

    enum CodingKeys: String, CodingKey {
        case item = "Item"
    }
}

/// The delete of a WriteRequest: unconditional.
public struct DeleteRequest: Sendable, Equatable, Codable {
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem

    public init(key: DynamoItem) {
        self.key = key
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
    }
}
