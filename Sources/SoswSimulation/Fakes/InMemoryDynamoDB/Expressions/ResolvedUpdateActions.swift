/// An UpdateExpression's actions with their target paths bound to one request's names: what
/// ``UpdateApplication`` applies. Binding depends on the names alone, so a request shape binds once and every
/// later request of that shape reuses the result (see ``InMemoryDynamoDBState/UpdateShape``). A class: it is
/// handed from the shape to each request of that shape, and one reference is cheaper to pass than five arrays.
final class ResolvedUpdateActions: Sendable {
    struct Assignment: Sendable {
        var path: DocumentPath.Resolved
        var value: UpdateValue
    }

    struct SetOperation: Sendable {
        var path: DocumentPath.Resolved
        /// The `:placeholder` holding the number or set to add or delete.
        var value: String
    }

    let assignments: [Assignment]
    let removals: [DocumentPath.Resolved]
    let additions: [SetOperation]
    let deletions: [SetOperation]
    /// Every top-level attribute the update targets, sorted, each once: for the refusal of key updates and for
    /// ReturnValues UPDATED_OLD and UPDATED_NEW.
    let topLevelNames: [String]

    init(
        assignments: [Assignment], removals: [DocumentPath.Resolved], additions: [SetOperation],
        deletions: [SetOperation]
    ) {
        self.assignments = assignments
        self.removals = removals
        self.additions = additions
        self.deletions = deletions
        let paths = assignments.map(\.path) + removals + additions.map(\.path) + deletions.map(\.path)
        self.topLevelNames = Set(paths.map(\.attributeName)).sorted()
    }
}
