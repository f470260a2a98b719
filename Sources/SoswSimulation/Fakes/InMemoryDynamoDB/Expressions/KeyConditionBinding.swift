import SoswCore

/// A key condition bound to one key schema and one names map: which placeholder gives the partition value and
/// how the sort key is narrowed, with the values still to fill in. Binding walks the condition tree and
/// resolves names once per request shape; resolving a bound condition only looks its placeholders up, so the
/// millions of Query requests of one shape skip the walk.
///
/// Only well-formed conditions bind (``CompiledKeyCondition/binding(names:partitionKey:sortKey:)`` returns nil
/// for anything ``CompiledKeyCondition/resolve(_:partitionKey:sortKey:)`` would refuse), so the errors stay
/// with the full resolution.
///
/// A class: a remembered Query shape holds it, and each request reading it from there copied its strings.
final class KeyConditionBinding: Sendable {
    let partitionKey: String
    let partitionPlaceholder: String
    let sortKey: String?
    /// The sort-key condition over placeholders.
    let sort: SortKeyCondition<String>?

    init(partitionKey: String, partitionPlaceholder: String, sortKey: String?, sort: SortKeyCondition<String>?) {
        self.partitionKey = partitionKey
        self.partitionPlaceholder = partitionPlaceholder
        self.sortKey = sortKey
        self.sort = sort
    }

    /// The condition with this request's values; nil when a placeholder has no value (the full resolution
    /// then reports it).
    func resolve(_ attributes: ExpressionAttributes) -> ResolvedKeyCondition? {
        guard let partition = attributes.value(of: partitionPlaceholder) else { return nil }
        let partitionKey = ResolvedKeyCondition.PartitionKey(name: partitionKey, value: partition)
        guard let sortKey, let sort else { return ResolvedKeyCondition(partitionKey: partitionKey, sortKey: nil) }
        guard let condition = sort.map({ attributes.value(of: $0) }) else { return nil }
        return ResolvedKeyCondition(partitionKey: partitionKey, sortKey: .init(name: sortKey, condition: condition))
    }
}
