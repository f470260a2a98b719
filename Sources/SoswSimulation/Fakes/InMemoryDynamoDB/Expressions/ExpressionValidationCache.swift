import SoswCore
import Synchronization

/// Remembers the request shapes whose ExpressionAttributeNames and ExpressionAttributeValues passed
/// ``validateExpressionAttributes(_:usedBy:)``, so that the millions of requests sosw sends with the same
/// expressions and placeholders are not validated again. A shape is the expressions (kind and text), the names
/// map, and each value placeholder with its type: validation reads nothing else, except for expressions whose
/// validation reads value contents, which are never cached. Only successes are remembered, so every refusal
/// still comes from the validation itself with its message. Thread-safe (a `Mutex`, like the compiler).
final class ExpressionValidationCache: Sendable {
    /// Past this many shapes the cache starts over, so generated expressions cannot grow it without bound.
    static let capacity = 4096

    private let validated = Mutex<Set<RequestShape>>([])

    init() {}

    /// Validates as ``validateExpressionAttributes(_:usedBy:)`` does, from the cache when this shape passed before.
    func validate(_ attributes: ExpressionAttributes, usedBy expressions: [any CompiledExpression]) throws(DynamoDBError) {
        // No expressions, names or values: nothing to check (most PutItem and GetItem requests).
        if expressions.isEmpty, attributes.names == nil, attributes.values == nil { return }
        if expressions.contains(where: \.validationReadsValueContents) {
            return try validateExpressionAttributes(attributes, usedBy: expressions)
        }
        let shape = RequestShape(
            expressions: expressions.map { RequestShape.Expression(kind: $0.kind, text: $0.text) }, attributes: attributes)
        if validated.withLock({ $0.contains(shape) }) { return }
        try validateExpressionAttributes(attributes, usedBy: expressions)
        validated.withLock { shapes in
            if shapes.count >= Self.capacity { shapes.removeAll(keepingCapacity: true) }
            shapes.insert(shape)
        }
    }

    /// What validation depends on. Values are compared and hashed by placeholder and type only.
    private struct RequestShape: Hashable, Sendable {
        struct Expression: Hashable, Sendable {
            var kind: ExpressionKind
            var text: String
        }

        var expressions: [Expression]
        var attributes: ExpressionAttributes

        static func == (lhs: RequestShape, rhs: RequestShape) -> Bool {
            guard lhs.expressions == rhs.expressions, lhs.attributes.names == rhs.attributes.names else { return false }
            switch (lhs.attributes.values, rhs.attributes.values) {
            case (nil, nil):
                return true
            case (let left?, let right?):
                guard left.count == right.count else { return false }
                return left.allSatisfy { placeholder, value in right[placeholder]?.typeName == value.typeName }
            default:
                return false
            }
        }

        /// The expressions and the sizes of the maps only: hashing every placeholder cost more than the rest of
        /// the lookup, and shapes that differ only in their placeholders are rare and told apart by `==`.
        func hash(into hasher: inout Hasher) {
            hasher.combine(expressions)
            hasher.combine(attributes.names?.count ?? -1)
            hasher.combine(attributes.values?.count ?? -1)
        }
    }
}
