import SoswCore

/// A compiled UpdateExpression, shared by every request that uses the same text.
struct CompiledUpdate: CompiledExpression {
    let text: String
    let actions: UpdateActions
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

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
    func updatedTopLevelNames(_ attributes: ExpressionAttributes) throws(DynamoDBError) -> [String] {
        var names: Set<String> = []
        for path in actions.targetPaths {
            switch path.resolved(with: attributes.names) {
            case .success(let resolved): names.insert(resolved.attributeName)
            case .failure(let undefined):
                throw .validation(kind.invalid(ExpressionIssue.undefinedName(undefined.name).message))
            }
        }
        return names.sorted()
    }
}
