import SoswCore

/// A key attribute's value: what a key condition or a stored key is made of before it is encoded
/// (``KeyEncoding``) into the byte order DynamoDB sorts keys in.
enum KeyScalar: Hashable, Comparable, Sendable {
    case string(String)
    case number(DynamoNumber)
    case binary([UInt8])

    init?(_ value: AttributeValue) {
        switch value {
        case .s(let text): self = .string(text)
        case .n(let number): self = .number(number)
        case .b(let bytes): self = .binary(bytes)
        default: return nil
        }
    }

    var attributeValue: AttributeValue {
        switch self {
        case .string(let text): .s(text)
        case .number(let number): .n(number)
        case .binary(let bytes): .b(bytes)
        }
    }

    /// DynamoDB's order: numbers numerically, strings and binaries by their bytes (UTF-8 for strings, unsigned
    /// for binaries). Swift's `String <` is a Unicode order and would put items in the wrong sequence.
    static func < (lhs: KeyScalar, rhs: KeyScalar) -> Bool {
        KeyEncoding.component(lhs).lexicographicallyPrecedes(KeyEncoding.component(rhs))
    }
}
