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
        /// ``AttributeValue/typeName``.
        var type: String
    }

    init(table: String, index: String?, expressions: Texts, names: [String: String]?, values: DynamoItem?) {
        self.table = table
        self.index = index
        self.expressions = expressions
        self.names = names
        self.values = values.map { values in values.map { Placeholder(name: $0.key, type: $0.value.typeName) } }
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
        guard table == self.table, index == self.index, expressions == self.expressions, names == self.names
        else { return false }
        switch (self.values, values) {
        case (nil, nil):
            return true
        case (let remembered?, let given?):
            guard remembered.count == given.count else { return false }
            // Placeholders are unique on both sides and as many: finding each given one with its type suffices.
            return remembered.withUnsafeBufferPointer { remembered in
                given.allSatisfy { placeholder, value in
                    remembered.contains { $0.name == placeholder && $0.type == value.typeName }
                }
            }
        default:
            return false
        }
    }
}
