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
    /// The values of the request the shape was taken from: only their placeholders and types are compared.
    let values: DynamoItem?

    init(table: String, index: String?, expressions: Texts, names: [String: String]?, values: DynamoItem?) {
        self.table = table
        self.index = index
        self.expressions = expressions
        self.names = names
        self.values = values
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
    /// byte comparison otherwise; nothing is hashed but the value placeholders.
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
            // Maps built alike iterate alike: compare pair by pair, and hash placeholders only when they do not.
            var sameOrder = true
            for (mine, theirs) in zip(remembered, given) {
                guard mine.key == theirs.key else {
                    sameOrder = false
                    break
                }
                guard mine.value.hasSameType(as: theirs.value) else { return false }
            }
            if sameOrder { return true }
            for (placeholder, value) in remembered {
                guard let other = given[placeholder], other.hasSameType(as: value) else { return false }
            }
            return true
        default:
            return false
        }
    }
}

extension AttributeValue {
    /// Whether two values are of one DynamoDB type (S, N, M, …).
    fileprivate func hasSameType(as other: AttributeValue) -> Bool {
        switch (self, other) {
        case (.s, .s), (.n, .n), (.b, .b), (.bool, .bool), (.null, .null), (.m, .m), (.l, .l), (.ss, .ss),
            (.ns, .ns), (.bs, .bs):
            true
        default:
            false
        }
    }
}
