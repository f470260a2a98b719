import Foundation

/// One typed value of a DynamoDB item, with the ten types the service knows.
///
/// Codable in the AWS JSON shape (`{"S":"x"}`, `{"N":"1"}`, `{"B":"<base64>"}`, …), so the port's request and
/// response types are the wire format of the live API as they stand.
public enum AttributeValue: Hashable, Sendable {
    case s(String)
    case n(DynamoNumber)
    case b([UInt8])
    case bool(Bool)
    case null
    case m([String: AttributeValue])
    case l([AttributeValue])
    case ss([String])
    case ns([DynamoNumber])
    case bs([[UInt8]])

    /// The type descriptor DynamoDB uses in JSON, in `attribute_type` and in its messages.
    public var typeName: String {
        switch self {
        case .s: "S"
        case .n: "N"
        case .b: "B"
        case .bool: "BOOL"
        case .null: "NULL"
        case .m: "M"
        case .l: "L"
        case .ss: "SS"
        case .ns: "NS"
        case .bs: "BS"
        }
    }

    /// All type descriptors, in the order DynamoDB lists them.
    public static let typeNames = ["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"]

    public var stringValue: String? {
        if case .s(let value) = self { return value }
        return nil
    }

    public var numberValue: DynamoNumber? {
        if case .n(let value) = self { return value }
        return nil
    }

    public var mapValue: [String: AttributeValue]? {
        if case .m(let value) = self { return value }
        return nil
    }

    public var listValue: [AttributeValue]? {
        if case .l(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .s(value) }
    public init(integerLiteral value: Int64) { self = .n(DynamoNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension AttributeValue: Codable {
    private struct TypeKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let keys = container.allKeys
        guard keys.count == 1, let key = keys.first else {
            throw DynamoDBError.validation(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
            )
        }
        switch key.stringValue {
        case "S": self = .s(try container.decode(String.self, forKey: key))
        case "N": self = .n(try container.decode(DynamoNumber.self, forKey: key))
        case "B": self = .b(try AttributeValue.decodeBase64(try container.decode(String.self, forKey: key), decoder))
        case "BOOL": self = .bool(try container.decode(Bool.self, forKey: key))
        case "NULL":
            guard try container.decode(Bool.self, forKey: key) else {
                throw DynamoDBError.validation("One or more parameter values were invalid: Null attribute value types must have the value of true")
            }
            self = .null
        case "M": self = .m(try container.decode([String: AttributeValue].self, forKey: key))
        case "L": self = .l(try container.decode([AttributeValue].self, forKey: key))
        case "SS": self = .ss(try container.decode([String].self, forKey: key))
        case "NS": self = .ns(try container.decode([DynamoNumber].self, forKey: key))
        case "BS":
            let texts = try container.decode([String].self, forKey: key)
            var values: [[UInt8]] = []
            for text in texts { values.append(try AttributeValue.decodeBase64(text, decoder)) }
            self = .bs(values)
        default:
            throw DynamoDBError(
                code: .serialization,
                message: "Unexpected field type \(key.stringValue): expected one of \(AttributeValue.typeNames.joined(separator: ", "))"
            )
        }
    }

    private static func decodeBase64(_ text: String, _ decoder: any Decoder) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else {
            throw DynamoDBError(code: .serialization, message: "Base64 encoded length is expected a multiple of 4 bytes but found: \(text.utf8.count)")
        }
        return [UInt8](data)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        let key = TypeKey(stringValue: typeName)
        switch self {
        case .s(let value): try container.encode(value, forKey: key)
        case .n(let value): try container.encode(value, forKey: key)
        case .b(let value): try container.encode(Data(value).base64EncodedString(), forKey: key)
        case .bool(let value): try container.encode(value, forKey: key)
        case .null: try container.encode(true, forKey: key)
        case .m(let value): try container.encode(value, forKey: key)
        case .l(let value): try container.encode(value, forKey: key)
        case .ss(let value): try container.encode(value, forKey: key)
        case .ns(let value): try container.encode(value, forKey: key)
        case .bs(let value): try container.encode(value.map { Data($0).base64EncodedString() }, forKey: key)
        }
    }
}
