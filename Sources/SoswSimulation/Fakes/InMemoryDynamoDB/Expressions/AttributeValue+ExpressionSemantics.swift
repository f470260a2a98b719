import SoswCore

/// How DynamoDB's expression functions and comparators see attribute values.
extension AttributeValue {
    /// Equality as `=`, `<>` and IN see it: same type and same value; sets compare as sets, numbers by value.
    func expressionEquals(_ other: AttributeValue) -> Bool {
        switch (self, other) {
        case (.ss(let left), .ss(let right)): Set(left) == Set(right)
        case (.ns(let left), .ns(let right)): Set(left) == Set(right)
        case (.bs(let left), .bs(let right)): Set(left) == Set(right)
        case (.l(let left), .l(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.expressionEquals($1) }
        case (.m(let left), .m(let right)):
            left.count == right.count && left.allSatisfy { key, value in
                right[key].map { value.expressionEquals($0) } ?? false
            }
        default: self == other
        }
    }

    /// The order of `<`, `<=`, `>`, `>=` and BETWEEN: numbers numerically, strings and binaries by their bytes
    /// (UTF-8 for strings). Other types, and values of different types, have no order: `nil`, and the comparison
    /// is false rather than an error.
    func expressionOrder(comparedTo other: AttributeValue) -> ExpressionOrder? {
        switch (self, other) {
        case (.n(let left), .n(let right)):
            left < right ? .less : (left == right ? .same : .greater)
        case (.s(let left), .s(let right)):
            Self.byteOrder(left.utf8, right.utf8)
        case (.b(let left), .b(let right)):
            Self.byteOrder(left, right)
        default:
            nil
        }
    }

    /// `size(path)`: string length in UTF-16 code units (as the service counts it), bytes of a binary,
    /// elements of a set or list, entries of a map; other types have no size.
    var expressionSize: Int? {
        switch self {
        case .s(let string): string.utf16.count
        case .b(let bytes): bytes.count
        case .ss(let strings): strings.count
        case .ns(let numbers): numbers.count
        case .bs(let binaries): binaries.count
        case .l(let list): list.count
        case .m(let map): map.count
        case .n, .bool, .null: nil
        }
    }

    /// `contains(path, operand)`: a substring of a string, a sub-sequence of a binary, a member of a set of the
    /// operand's type, or an element of a list.
    func expressionContains(_ operand: AttributeValue) -> Bool {
        switch (self, operand) {
        case (.s(let string), .s(let part)):
            part.isEmpty || string.utf8.firstRange(of: part.utf8) != nil
        case (.b(let bytes), .b(let part)):
            part.isEmpty || bytes.firstRange(of: part) != nil
        case (.ss(let strings), .s(let member)):
            strings.contains(member)
        case (.ns(let numbers), .n(let member)):
            numbers.contains(member)
        case (.bs(let binaries), .b(let member)):
            binaries.contains(member)
        case (.l(let list), _):
            list.contains { $0.expressionEquals(operand) }
        default:
            false
        }
    }

    /// `begins_with(path, prefix)`: strings and binaries only, of the same type.
    func expressionBeginsWith(_ prefix: AttributeValue) -> Bool {
        switch (self, prefix) {
        case (.s(let string), .s(let start)): string.utf8.starts(with: start.utf8)
        case (.b(let bytes), .b(let start)): bytes.starts(with: start)
        default: false
        }
    }

    /// The service's rendering of a scalar operand in messages: `{N:10}`, `{S:abc}`.
    var messageText: String {
        switch self {
        case .s(let string): "{S:\(string)}"
        case .n(let number): "{N:\(number.text)}"
        case .b(let bytes): "{B:\(bytes.count) bytes}"
        default: "{\(typeName)}"
        }
    }

    /// The type word of the ADD and DELETE operand messages ("operand type: STRING"); sets have none since
    /// both actions accept them.
    var updateOperandTypeWord: String? {
        switch self {
        case .s: "STRING"
        case .n: "NUMBER"
        case .b: "BINARY"
        case .bool: "BOOLEAN"
        case .null: "NULL"
        case .l: "LIST"
        case .m: "MAP"
        case .ss, .ns, .bs: nil
        }
    }

    private static func byteOrder<Left: Sequence<UInt8>, Right: Sequence<UInt8>>(_ left: Left, _ right: Right)
        -> ExpressionOrder
    {
        var leftIterator = left.makeIterator()
        var rightIterator = right.makeIterator()
        while true {
            switch (leftIterator.next(), rightIterator.next()) {
            case (nil, nil): return .same
            case (nil, _): return .less
            case (_, nil): return .greater
            case (let l?, let r?) where l != r: return l < r ? .less : .greater
            default: continue
            }
        }
    }
}

/// The outcome of comparing two ordered values.
enum ExpressionOrder: Sendable, Equatable {
    case less, same, greater
}
