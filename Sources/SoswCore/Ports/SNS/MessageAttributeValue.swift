/// One `MessageAttributes` value of a `Publish`: what SNS subscription filter policies match on. Only the
/// three data types filter policies compare are modelled, built as sosw's SnsManager builds them.
public struct MessageAttributeValue: Sendable, Hashable, Codable {
    /// `String`, `Number` or `String.Array`.
    public var dataType: String
    public var stringValue: String

    public init(dataType: String, stringValue: String) {
        self.dataType = dataType
        self.stringValue = stringValue
    }

    public static func string(_ value: String) -> MessageAttributeValue {
        MessageAttributeValue(dataType: "String", stringValue: value)
    }

    public static func number(_ value: Int64) -> MessageAttributeValue {
        MessageAttributeValue(dataType: "Number", stringValue: String(value))
    }

    /// A list, sent as its JSON array text (`["a","b"]`).
    public static func stringArray(_ values: [String]) -> MessageAttributeValue {
        MessageAttributeValue(dataType: "String.Array", stringValue: JSONValue.array(values.map(JSONValue.string)).serialized())
    }

    enum CodingKeys: String, CodingKey {
        case dataType = "DataType"
        case stringValue = "StringValue"
    }
}
