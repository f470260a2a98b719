/// Lists the table names in the account and region, in name order, a page at a time.
public struct ListTablesInput: Sendable, Equatable, Codable {
    /// The name after which the page starts (the previous page's `LastEvaluatedTableName`).
    public var exclusiveStartTableName: String?
    /// At most this many names (1 to 100; 100 when absent).
    public var limit: Int?

    public init(exclusiveStartTableName: String? = nil, limit: Int? = nil) {
        self.exclusiveStartTableName = exclusiveStartTableName
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case exclusiveStartTableName = "ExclusiveStartTableName"
        case limit = "Limit"
    }
}

/// One page of table names; `lastEvaluatedTableName` is set when more names follow.
public struct ListTablesOutput: Sendable, Equatable, Codable {
    public var tableNames: [String]
    public var lastEvaluatedTableName: String?

    public init(tableNames: [String] = [], lastEvaluatedTableName: String? = nil) {
        self.tableNames = tableNames
        self.lastEvaluatedTableName = lastEvaluatedTableName
    }

    enum CodingKeys: String, CodingKey {
        case tableNames = "TableNames"
        case lastEvaluatedTableName = "LastEvaluatedTableName"
    }

    /// `TableNames` is always present in the service's answer, but read leniently.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tableNames = try container.decodeIfPresent([String].self, forKey: .tableNames) ?? []
        lastEvaluatedTableName = try container.decodeIfPresent(String.self, forKey: .lastEvaluatedTableName)
    }
}
