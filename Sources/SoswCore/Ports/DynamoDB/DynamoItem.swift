/// An item as the DynamoDB API exchanges it: attribute names mapped to typed values.
public typealias DynamoItem = [String: AttributeValue]
