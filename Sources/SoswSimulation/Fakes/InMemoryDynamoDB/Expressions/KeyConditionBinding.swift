import SoswCore

/// A key condition bound to one key schema and one names map: which placeholder gives the partition value and
/// how the sort key is narrowed, with the values still to fill in. Binding walks the condition tree and
/// resolves names once per request shape; resolving a bound condition only looks its placeholders up, so the
/// millions of Query requests of one shape skip the walk.
///
/// Only well-formed conditions bind (``CompiledKeyCondition/binding(names:partitionKey:sortKey:)`` returns nil
/// for anything ``CompiledKeyCondition/resolve(_:partitionKey:sortKey:)`` would refuse), so the errors stay
/// with the full resolution.
struct KeyConditionBinding: Sendable, Equatable {
    enum Sort: Sendable, Equatable {
        case equal(String)
        case less(String)
        case lessOrEqual(String)
        case greater(String)
        case greaterOrEqual(String)
        case between(String, String)
        case beginsWith(String)
    }

    var partitionKey: String
    var partitionPlaceholder: String
    var sortKey: String?
    var sort: Sort?

    /// The condition with this request's values; nil when a placeholder has no value (the full resolution
    /// then reports it).
    func resolve(_ values: DynamoItem?) -> ResolvedKeyCondition? {
        guard let values, let partition = values[partitionPlaceholder] else { return nil }
        var resolved = ResolvedKeyCondition(partitionKey: .init(name: partitionKey, value: partition), sortKey: nil)
        guard let sortKey, let sort else { return resolved }
        func value(_ placeholder: String) -> AttributeValue? { values[placeholder] }
        let condition: SortKeyCondition
        switch sort {
        case .equal(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .equal(bound)
        case .less(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .less(bound)
        case .lessOrEqual(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .lessOrEqual(bound)
        case .greater(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .greater(bound)
        case .greaterOrEqual(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .greaterOrEqual(bound)
        case .between(let low, let high):
            guard let lowValue = value(low), let highValue = value(high) else { return nil }
            condition = .between(lowValue, highValue)
        case .beginsWith(let placeholder):
            guard let bound = value(placeholder) else { return nil }
            condition = .beginsWith(bound)
        }
        resolved.sortKey = .init(name: sortKey, condition: condition)
        return resolved
    }
}
