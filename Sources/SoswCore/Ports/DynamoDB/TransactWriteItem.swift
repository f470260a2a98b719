/// One action of a TransactWriteItems (exactly one of the four is set).
public struct TransactWriteItem: Sendable, Equatable, Codable {
    public var conditionCheck: TransactConditionCheck?
    public var put: TransactPut?
    public var update: TransactUpdate?
    public var delete: TransactDelete?

    public init(
        conditionCheck: TransactConditionCheck? = nil,
        put: TransactPut? = nil,
        update: TransactUpdate? = nil,
        delete: TransactDelete? = nil
    ) {
        self.conditionCheck = conditionCheck
        self.put = put
        self.update = update
        self.delete = delete
    }

    enum CodingKeys: String, CodingKey {
        case conditionCheck = "ConditionCheck"
        case put = "Put"
        case update = "Update"
        case delete = "Delete"
    }
}

/// A condition on an item that must hold for the transaction to commit; writes nothing.
public struct TransactConditionCheck: Sendable, Equatable, Codable {
    public var tableName: String
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem
    public var conditionExpression: String
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    /// ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String,
        key: DynamoItem,
        conditionExpression: String,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The put action of a transaction.
public struct TransactPut: Sendable, Equatable, Codable {
    public var tableName: String
    public var item: DynamoItem
    /// A condition the existing item must satisfy for the write to happen.
    public var conditionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    /// ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String,
        item: DynamoItem,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.item = item
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case item = "Item"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The update action of a transaction.
public struct TransactUpdate: Sendable, Equatable, Codable {
    public var tableName: String
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem
    public var updateExpression: String
    /// A condition the existing item must satisfy for the write to happen.
    public var conditionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    /// ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String,
        key: DynamoItem,
        updateExpression: String,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.updateExpression = updateExpression
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case updateExpression = "UpdateExpression"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The delete action of a transaction.
public struct TransactDelete: Sendable, Equatable, Codable {
    public var tableName: String
    /// The primary key: the partition key, and the sort key when the table has one.
    public var key: DynamoItem
    /// A condition the existing item must satisfy for the write to happen.
    public var conditionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    /// ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String,
        key: DynamoItem,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.key = key
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case key = "Key"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}
