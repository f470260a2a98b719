import SoswCore

/// The parts of a read request Query and Scan share, read in place from the request itself: the fake's reads are
/// generic over it rather than copying a dozen fields of every request into a common struct.
protocol ReadInput {
    var tableName: String { get }
    var indexName: String? { get }
    var filterExpression: String? { get }
    var projectionExpression: String? { get }
    var expressionAttributeNames: [String: String]? { get }
    var expressionAttributeValues: DynamoItem? { get }
    var select: Select? { get }
    var limit: Int? { get }
    var consistentRead: Bool? { get }
    var exclusiveStartKey: DynamoItem? { get }
    var returnConsumedCapacity: ReturnConsumedCapacity? { get }
}

extension QueryInput: ReadInput {}
extension ScanInput: ReadInput {}
