/// A local secondary index requested in CreateTable: the table's partition key with another sort key,
/// strongly consistent when asked.
public struct LocalSecondaryIndex: Sendable, Equatable, Codable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection

    public init(indexName: String, keySchema: [KeySchemaElement], projection: Projection) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
    }
}
