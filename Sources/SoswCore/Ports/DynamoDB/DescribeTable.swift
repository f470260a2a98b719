/// Asks for a table's description (keys, indexes, item count, size).
public struct DescribeTableInput: Sendable, Equatable, Codable {
    public var tableName: String

    public init(tableName: String) {
        self.tableName = tableName
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
    }
}

/// The table's description.
public struct DescribeTableOutput: Sendable, Equatable, Codable {
    public var table: TableDescription?

    public init(table: TableDescription? = nil) {
        self.table = table
    }

    enum CodingKeys: String, CodingKey {
        case table = "Table"
    }
}
