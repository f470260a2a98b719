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

    /// Decodes as the service reads an AttributeValue: members that are not a type descriptor are ignored (so
    /// `{"X": "1"}` is an empty value), none or several descriptors are a ValidationException, and a member of
    /// the wrong JSON type (`{"S": 1}`) is a SerializationException worded as the service words it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let keys = container.allKeys.filter { AttributeValue.typeNames.contains($0.stringValue) }
        guard keys.count <= 1 else {
            throw DynamoDBError.validation(
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
            )
        }
        guard let key = keys.first else {
            throw DynamoDBError.validation(
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
        }
        func member<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> Value {
            do {
                return try container.decode(type, forKey: key)
            } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
                throw DynamoDBError(
                    code: .serialization, message: "\(Self.jsonKind(of: key, in: container)) cannot be converted to \(name)")
            }
        }
        switch key.stringValue {
        case "S": self = .s(try member(String.self, "String"))
        case "N": self = .n(try member(DynamoNumber.self, "String"))
        case "B": self = .b(try AttributeValue.decodeBase64(try member(String.self, "Blob"), decoder))
        case "BOOL": self = .bool(try member(Bool.self, "Boolean"))
        case "NULL":
            guard try member(Bool.self, "Boolean") else {
                throw DynamoDBError.validation("One or more parameter values were invalid: Null attribute value types must have the value of true")
            }
            self = .null
        case "M": self = .m(try member([String: AttributeValue].self, "Map"))
        case "L": self = .l(try member([AttributeValue].self, "List"))
        case "SS": self = .ss(try member([String].self, "List"))
        case "NS": self = .ns(try member([DynamoNumber].self, "List"))
        default:
            let texts = try member([String].self, "List")
            var values: [[UInt8]] = []
            for text in texts { values.append(try AttributeValue.decodeBase64(text, decoder)) }
            self = .bs(values)
        }
    }

    /// The JSON token a member holds, as the service's deserializer names it in its messages.
    private static func jsonKind(of key: TypeKey, in container: KeyedDecodingContainer<TypeKey>) -> String {
        if (try? container.decodeNil(forKey: key)) == true { return "NULL_VALUE" }
        if let flag = try? container.decode(Bool.self, forKey: key) { return flag ? "TRUE_VALUE" : "FALSE_VALUE" }
        if (try? container.decode(Double.self, forKey: key)) != nil { return "NUMBER_VALUE" }
        if (try? container.decode(String.self, forKey: key)) != nil { return "STRING_VALUE" }
        if (try? container.decode([JSONAny].self, forKey: key)) != nil { return "START_ARRAY" }
        return "START_OBJECT"
    }

    /// Any JSON value, decoded only to learn that a member is an array.
    private struct JSONAny: Decodable {
        init(from decoder: any Decoder) throws {}
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
