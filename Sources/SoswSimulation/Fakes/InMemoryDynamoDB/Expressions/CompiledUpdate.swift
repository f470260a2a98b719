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

    /// The actions with their target paths bound to `names`, with DynamoDB's message for an undefined `#name`.
    func resolved(names: [String: String]?) throws(DynamoDBError) -> ResolvedUpdateActions {
        func resolve(_ path: DocumentPath) throws(DynamoDBError) -> DocumentPath.Resolved {
            try path.resolved(with: names, in: kind)
        }
        var assignments: [ResolvedUpdateActions.Assignment] = []
        for assignment in actions.assignments {
            assignments.append(.init(path: try resolve(assignment.path), value: assignment.value))
        }
        var removals: [DocumentPath.Resolved] = []
        for path in actions.removals {
            removals.append(try resolve(path))
        }
        var additions: [ResolvedUpdateActions.SetOperation] = []
        for operation in actions.additions {
            additions.append(.init(path: try resolve(operation.path), value: operation.value))
        }
        var deletions: [ResolvedUpdateActions.SetOperation] = []
        for operation in actions.deletions {
            deletions.append(.init(path: try resolve(operation.path), value: operation.value))
        }
        return ResolvedUpdateActions(
            assignments: assignments, removals: removals, additions: additions, deletions: deletions)
    }

    /// Applies SET, REMOVE, ADD and DELETE, bound by ``resolved(names:)``, to `item` in place, then hands the
    /// result, with the log of what changed, to `check` (the stored item's checks). If either throws, `item` is
    /// as it was: the values the update replaces are kept as it goes (``UpdateUndoLog``) and put back. Updating
    /// in place (rather than a copy kept apart until it passed) lets an item whose dictionary nothing else holds
    /// be changed without copying.
    func apply<Checked>(
        _ resolved: ResolvedUpdateActions, to item: inout DynamoItem, _ attributes: ExpressionAttributes,
        checking check: (DynamoItem, UpdateUndoLog) throws(DynamoDBError) -> Checked
    ) throws(DynamoDBError) -> Checked {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        return try withUnsafeTemporaryAllocation(
            of: UpdateUndoLog.Entry.self, capacity: resolved.topLevelNames.count
        ) { storage throws(DynamoDBError) -> Checked in
            var undo = UpdateUndoLog(storage: storage)
            defer { undo.discard() }
            do throws(DynamoDBError) {
                try UpdateApplication(attributes: attributes).apply(resolved, to: &item, undo: &undo)
                return try check(item, undo)
            } catch {
                undo.undo(in: &item)
                throw error
            }
        }
    }
}
