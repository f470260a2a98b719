/// A local secondary index as DescribeTable reports it.
public struct LocalSecondaryIndexDescription: Sendable, Equatable, Codable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection
    public var indexSizeBytes: Int64?
    public var itemCount: Int64?
    public var indexArn: String?

    public init(
        indexName: String,
        keySchema: [KeySchemaElement],
        projection: Projection,
        indexSizeBytes: Int64? = nil,
        itemCount: Int64? = nil,
        indexArn: String? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.indexSizeBytes = indexSizeBytes
        self.itemCount = itemCount
        self.indexArn = indexArn
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
        case indexSizeBytes = "IndexSizeBytes"
        case itemCount = "ItemCount"
        case indexArn = "IndexArn"
    }
}
