import SoswCore

/// A key attribute's value in the order DynamoDB sorts keys: numbers numerically, strings and binaries by
/// their bytes (UTF-8 for strings, unsigned for binaries). Swift's `String <` is a Unicode order and would put
/// items in the wrong sequence.
enum KeyScalar: Hashable, Comparable, Sendable {
    case string(String)
    /// Boxed: a DynamoNumber is 48 bytes, which made every key 256 bytes; boxed, a key is 96 and an ordered
    /// store's inserts and searches move and touch less than half the memory.
    indirect case number(DynamoNumber)
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
        case (.string(let left), .string(let right)): utf8Order(left, right).order < 0
        case (.number(let left), .number(let right)): left < right
        case (.binary(let left), .binary(let right)): left.lexicographicallyPrecedes(right)
        default: lhs.rank < rhs.rank
        }
    }

    /// -1, 0 or 1 as this value sorts before, with or after `other`, in one pass: 0 exactly when the values are
    /// equal (`==`, which for strings is Swift's canonical equivalence), otherwise the order of `<`. Ordered
    /// stores compare keys a few dozen times per operation, so this avoids an `!=` followed by a `<`.
    func ordering(comparedTo other: KeyScalar) -> Int {
        switch (self, other) {
        case (.string(let left), .string(let right)):
            let (order, isCertain) = Self.utf8Order(left, right)
            if order == 0 || isCertain { return order }
            return left == right ? 0 : order
        case (.number(let left), .number(let right)):
            return left == right ? 0 : (left < right ? -1 : 1)
        case (.binary(let left), .binary(let right)):
            return left == right ? 0 : (left.lexicographicallyPrecedes(right) ? -1 : 1)
        default:
            return rankOrder(other)
        }
    }

    private func rankOrder(_ other: KeyScalar) -> Int {
        rank < other.rank ? -1 : (rank == other.rank ? 0 : 1)
    }

    /// The order of two strings' UTF-8 bytes, compared over their contiguous storage. `isCertain` is false when
    /// the first difference involves a non-ASCII byte: only then can byte-different strings still be canonically
    /// equivalent (an ASCII character never appears inside another character's decomposition, and a string is
    /// never equivalent to a proper prefix of itself), so only then does ``ordering(comparedTo:)`` ask `==`.
    static func utf8Order(_ left: String, _ right: String) -> (order: Int, isCertain: Bool) {
        var left = left
        var right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                let common = Swift.min(leftBytes.count, rightBytes.count)
                var offset = 0
                while offset < common {
                    let leftByte = leftBytes[offset]
                    let rightByte = rightBytes[offset]
                    if leftByte != rightByte {
                        return (leftByte < rightByte ? -1 : 1, leftByte < 0x80 && rightByte < 0x80)
                    }
                    offset += 1
                }
                let order = leftBytes.count == rightBytes.count ? 0 : (leftBytes.count < rightBytes.count ? -1 : 1)
                return (order, true)
            }
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
