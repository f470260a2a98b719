import SoswCore

/// Everything about a request that compiling, validating and binding its expressions read: the table and index
/// it names, its expression texts, its ExpressionAttributeNames, and which value placeholders it supplies with
/// which types. Two requests of one shape pass or fail those steps alike, so what they decided for one serves the
/// other (see ``ShapeMemo``). Value contents are not part of a shape: requests whose validation reads them
/// (BETWEEN's bound order, attribute_type's operand) are never remembered.
///
/// A class: a memo compares every request with its shapes in place, and a struct of five references was copied
/// out of the memo's storage for each comparison.
final class RequestShape {
    let table: String
    let index: String?
    let expressions: Texts
    let names: [String: String]?
    /// The value placeholders of the request the shape was taken from, with their types.
    let values: [Placeholder]?

    struct Placeholder {
        var name: String
        /// ``RequestShape/typeCode(of:)`` of its value.
        var type: UInt8
    }

    init(table: String, index: String?, expressions: Texts, names: [String: String]?, values: DynamoItem?) {
        self.table = table
        self.index = index
        self.expressions = expressions
        self.names = names
        self.values = values.map { values in values.map { Placeholder(name: $0.key, type: Self.typeCode(of: $0.value)) } }
    }

    /// A value's type as a number: comparing it costs nothing, where ``AttributeValue/typeName`` is a string.
    static func typeCode(of value: AttributeValue) -> UInt8 {
        switch value {
        case .s: 0
        case .n: 1
        case .b: 2
        case .bool: 3
        case .null: 4
        case .m: 5
        case .l: 6
        case .ss: 7
        case .ns: 8
        case .bs: 9
        }
    }

    /// Up to three expression texts, in an order fixed by the operation (an array would cost an allocation
    /// per request just to be compared).
    struct Texts: Equatable {
        var first: String?
        var second: String? = nil
        var third: String? = nil
    }

    /// Whether a request with these parts has this shape. Texts are compared with `==`, which is immediate when
    /// both are the same string storage (the usual case: callers send the same literals again and again) and a
    /// byte comparison otherwise. Nothing is hashed: each given placeholder is looked for among the shape's by
    /// comparing names, which for a request's handful of short names is much cheaper than hashing them (two
    /// maps with the same keys seldom iterate in the same order, so they cannot be compared pair by pair).
    func matches(
        table: String, index: String?, expressions: Texts, names: [String: String]?, values: DynamoItem?
    ) -> Bool {
        guard expressions == self.expressions, table == self.table, index == self.index else { return false }
        if names != nil || self.names != nil, names != self.names { return false }
        guard let given = values, let remembered = self.values else { return values == nil && self.values == nil }
        guard remembered.count == given.count else { return false }
        // Placeholders are unique on both sides and as many: finding each given one with its type suffices.
        return remembered.withUnsafeBufferPointer { remembered in
            for (placeholder, value) in given {
                let type = Self.typeCode(of: value)
                var found = false
                for candidate in remembered.indices
                where remembered[candidate].type == type && remembered[candidate].name == placeholder {
                    found = true
                    break
                }
                if !found { return false }
            }
            return true
        }
    }
}
