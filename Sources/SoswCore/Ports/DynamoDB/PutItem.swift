/// Creates an item or replaces it whole, optionally only when a condition holds.
public struct PutItemInput: Sendable, Equatable, Codable {
    public var tableName: String
    public var item: DynamoItem
    /// A condition the existing item must satisfy for the write to happen.
    public var conditionExpression: String?
    /// Substitutes for attribute names in the expressions (`#name`), needed for reserved words.
    public var expressionAttributeNames: [String: String]?
    /// The values the expressions refer to as `:value`.
    public var expressionAttributeValues: DynamoItem?
    /// NONE or ALL_OLD.
    public var returnValues: ReturnValues?
    /// Whether the response reports the capacity the call consumed.
    public var returnConsumedCapacity: ReturnConsumedCapacity?
    /// ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
    public var returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure?

    public init(
        tableName: String,
        item: DynamoItem,
        conditionExpression: String? = nil,
        expressionAttributeNames: [String: String]? = nil,
        expressionAttributeValues: DynamoItem? = nil,
        returnValues: ReturnValues? = nil,
        returnConsumedCapacity: ReturnConsumedCapacity? = nil,
        returnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailure? = nil
    ) {
        self.tableName = tableName
        self.item = item
        self.conditionExpression = conditionExpression
        self.expressionAttributeNames = expressionAttributeNames
        self.expressionAttributeValues = expressionAttributeValues
        self.returnValues = returnValues
        self.returnConsumedCapacity = returnConsumedCapacity
        self.returnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
    }

    enum CodingKeys: String, CodingKey {
        case tableName = "TableName"
        case item = "Item"
        case conditionExpression = "ConditionExpression"
        case expressionAttributeNames = "ExpressionAttributeNames"
        case expressionAttributeValues = "ExpressionAttributeValues"
        case returnValues = "ReturnValues"
        case returnConsumedCapacity = "ReturnConsumedCapacity"
        case returnValuesOnConditionCheckFailure = "ReturnValuesOnConditionCheckFailure"
    }
}

/// The replaced item when ALL_OLD was asked for, and the consumed capacity.
public struct PutItemOutput: Sendable, Equatable, Codable {
    public var attributes: DynamoItem?
    /// The capacity the call consumed, when asked for.
    public var consumedCapacity: ConsumedCapacity?

    public init(attributes: DynamoItem? = nil, consumedCapacity: ConsumedCapacity? = nil) {
        self.attributes = attributes
        self.consumedCapacity = consumedCapacity
    }

    enum CodingKeys: String, CodingKey {
        case attributes = "Attributes"
        case consumedCapacity = "ConsumedCapacity"
    }
}
