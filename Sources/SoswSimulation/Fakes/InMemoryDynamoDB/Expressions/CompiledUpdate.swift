import SoswCore

/// A compiled UpdateExpression, shared by every request that uses the same text.
final class CompiledUpdate: CompiledExpression {
    let text: String
    let actions: UpdateActions
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

    init(text: String, actions: UpdateActions, usage: ExpressionUsage, staticIssues: [ExpressionIssue]) {
        self.text = text
        self.actions = actions
        self.usage = usage
        self.staticIssues = staticIssues
    }

    var kind: ExpressionKind { .update }
    /// Update operands are checked by type only.
    var validationReadsValueContents: Bool { false }

    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue] {
        UpdateValidation.issues(of: actions, with: attributes)
    }

    /// Applies SET, REMOVE, ADD and DELETE to `item` (left unchanged if this throws) and returns the top-level
    /// attribute names the update targets, for ReturnValues UPDATED_OLD and UPDATED_NEW.
    func apply(to item: inout DynamoItem, _ attributes: ExpressionAttributes) throws(DynamoDBError) -> Set<String> {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        return try UpdateApplication(attributes: attributes).apply(actions, to: &item)
    }

    /// The top-level attribute names the update writes, sorted, so the fake can refuse updates of key attributes
    /// ("Cannot update attribute X. This attribute is part of the key") before touching anything.
    /// Runs on every UpdateItem, so it binds only what it needs: each path's placeholders are checked, and only
    /// its first element is resolved.
    func updatedTopLevelNames(_ attributes: ExpressionAttributes) throws(DynamoDBError) -> [String] {
        var names: [String] = []
        func add(_ path: DocumentPath) throws(DynamoDBError) {
            var topLevel: String?
            for element in path.elements {
                let name: String
                switch element {
                case .name(let bare): name = bare
                case .placeholder(let placeholder):
                    guard let bound = attributes.names?[placeholder] else {
                        throw .validation(kind.invalid(ExpressionIssue.undefinedName(placeholder).message))
                    }
                    name = bound
                case .index: continue
                }
                if topLevel == nil { topLevel = name }
            }
            if let topLevel, !names.contains(topLevel) { names.append(topLevel) }
        }
        for assignment in actions.assignments { try add(assignment.path) }
        for path in actions.removals { try add(path) }
        for operation in actions.additions { try add(operation.path) }
        for operation in actions.deletions { try add(operation.path) }
        return names.sorted()
    }
}
