/// Deletes a table and its indexes.
public struct DeleteTableInput: Sendable, Equatable, Codable {
    public var tableName: String

    public init(tableName: String) {
        self.tableName = tableName
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
    }
}

/// The deleted table's description.
public struct DeleteTableOutput: Sendable, Equatable, Codable {
    public var tableDescription: TableDescription?

    public init(tableDescription: TableDescription? = nil) {
        self.tableDescription = tableDescription
    }

    enum CodingKeys: String, CodingKey {
        case tableDescription = "TableDescription"
    }
}
