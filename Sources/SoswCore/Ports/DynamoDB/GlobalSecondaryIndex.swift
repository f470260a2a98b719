/// A global secondary index requested in CreateTable: its own partition (and sort) key over the whole table,
/// eventually consistent.
public struct GlobalSecondaryIndex: Sendable, Equatable, Codable {
    public var indexName: String
    public var keySchema: [KeySchemaElement]
    public var projection: Projection
    public var provisionedThroughput: ProvisionedThroughput?

    public init(
        indexName: String,
        keySchema: [KeySchemaElement],
        projection: Projection,
        provisionedThroughput: ProvisionedThroughput? = nil
    ) {
        self.indexName = indexName
        self.keySchema = keySchema
        self.projection = projection
        self.provisionedThroughput = provisionedThroughput
    }

    enum CodingKeys: String, CodingKey {
        case indexName = "IndexName"
        case keySchema = "KeySchema"
        case projection = "Projection"
        case provisionedThroughput = "ProvisionedThroughput"
    }
}
