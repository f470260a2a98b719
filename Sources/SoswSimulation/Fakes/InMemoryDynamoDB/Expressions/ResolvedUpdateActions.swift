/// An UpdateExpression's actions with their target paths bound to one request's names: what
/// ``UpdateApplication`` applies. Binding depends on the names alone, so a request shape binds once and every
/// later request of that shape reuses the result (see ``InMemoryDynamoDBState/UpdateShape``).
struct ResolvedUpdateActions: Sendable {
    struct Assignment: Sendable {
        var path: DocumentPath.Resolved
        var value: UpdateValue
    }

    struct SetOperation: Sendable {
        var path: DocumentPath.Resolved
        /// The `:placeholder` holding the number or set to add or delete.
        var value: String
    }

    var assignments: [Assignment] = []
    var removals: [DocumentPath.Resolved] = []
    var additions: [SetOperation] = []
    var deletions: [SetOperation] = []
    /// Every top-level attribute the update targets, sorted, each once: for the refusal of key updates and for
    /// ReturnValues UPDATED_OLD and UPDATED_NEW.
    var topLevelNames: [String] = []
}
