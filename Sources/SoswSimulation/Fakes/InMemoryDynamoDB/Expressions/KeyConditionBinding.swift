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
    var partitionKey: String
    var partitionPlaceholder: String
    var sortKey: String?
    /// The sort-key condition over placeholders.
    var sort: SortKeyCondition<String>?

    /// The condition with this request's values; nil when a placeholder has no value (the full resolution
    /// then reports it).
    func resolve(_ values: DynamoItem?) -> ResolvedKeyCondition? {
        guard let values, let partition = values[partitionPlaceholder] else { return nil }
        var resolved = ResolvedKeyCondition(partitionKey: .init(name: partitionKey, value: partition), sortKey: nil)
        guard let sortKey, let sort else { return resolved }
        guard let condition = sort.map({ values[$0] }) else { return nil }
        resolved.sortKey = .init(name: sortKey, condition: condition)
        return resolved
    }
}
