import SoswCore

/// A key attribute's value in the order DynamoDB sorts keys: numbers numerically, strings and binaries by
/// their bytes (UTF-8 for strings, unsigned for binaries). Swift's `String <` is a Unicode order and would put
/// items in the wrong sequence.
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

    static func < (lhs: KeyScalar, rhs: KeyScalar) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)): left.utf8.lexicographicallyPrecedes(right.utf8)
        case (.number(let left), .number(let right)): left < right
        case (.binary(let left), .binary(let right)): left.lexicographicallyPrecedes(right)
        default: lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .string: 0
        case .number: 1
        case .binary: 2
        }
    }

    /// Whether this value starts with `prefix` (begins_with on a sort key; strings and binaries only).
    func hasPrefix(_ prefix: KeyScalar) -> Bool {
        switch (self, prefix) {
        case (.string(let text), .string(let start)): text.utf8.starts(with: start.utf8)
        case (.binary(let bytes), .binary(let start)): bytes.starts(with: start)
        default: false
        }
    }
}
