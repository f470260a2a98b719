/// The operations of the ``DynamoDB`` port, each named once, with how the JSON 1.0 protocol addresses them:
/// `POST /`, `Content-Type: application/x-amz-json-1.0`, `X-Amz-Target: DynamoDB_20120810.<Operation>`.
///
/// The live client sends by these names and `sosw serve` dispatches on them (a switch over every case, so an
/// operation added here is one the server must answer), both with ``AWSJSONCodec`` for the bodies.
public enum DynamoDBOperation: String, Sendable, Hashable, CaseIterable {
    case putItem = "PutItem"
    case getItem = "GetItem"
    case updateItem = "UpdateItem"
    case deleteItem = "DeleteItem"
    case query = "Query"
    case scan = "Scan"
    case batchWriteItem = "BatchWriteItem"
    case batchGetItem = "BatchGetItem"
    case transactWriteItems = "TransactWriteItems"
    case transactGetItems = "TransactGetItems"
    case createTable = "CreateTable"
    case describeTable = "DescribeTable"
    case deleteTable = "DeleteTable"
    case listTables = "ListTables"

    /// What comes before `.` in `X-Amz-Target`: the service's name and API version.
    public static let targetPrefix = "DynamoDB_20120810"
    public static let contentType = "application/x-amz-json-1.0"

    /// The `X-Amz-Target` header value, e.g. `DynamoDB_20120810.PutItem`.
    public var target: String {
        "\(Self.targetPrefix).\(rawValue)"
    }

    /// The operation an `X-Amz-Target` value names; nil for another service's target or an operation the port
    /// does not have.
    public init?(target: String) {
        let prefix = Self.targetPrefix + "."
        guard target.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(target.dropFirst(prefix.count)))
    }
}
