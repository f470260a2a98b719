import SoswCore

/// A compiled ConditionExpression or FilterExpression, shared by every request that uses the same text.
final class CompiledCondition: CompiledExpression {
    let kind: ExpressionKind
    let text: String
    let condition: Condition
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

    init(kind: ExpressionKind, text: String, condition: Condition, usage: ExpressionUsage, staticIssues: [ExpressionIssue]) {
        self.kind = kind
        self.text = text
        self.condition = condition
        self.validationReadsValueContents = condition.hasValueContentChecks
        self.usage = usage
        self.staticIssues = staticIssues
    }

    /// Computed once: validation asks on every request.
    let validationReadsValueContents: Bool

    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue] {
        ConditionValidation.issues(of: condition, with: attributes)
    }

    /// The top-level attributes the condition reads that are among `keyNames`, in the order written; a
    /// placeholder the request does not define is left out (validation reports it).
    func keyAttributes(among keyNames: [String], _ attributes: ExpressionAttributes) -> [String] {
        condition.paths.compactMap { path in
            guard case .success(let resolved) = path.resolved(with: attributes.names),
                keyNames.contains(resolved.attributeName)
            else { return nil }
            return resolved.attributeName
        }
    }

    /// Whether `item` satisfies the condition; a missing item is the empty item (as for a conditional put).
    func evaluate(_ item: DynamoItem, _ attributes: ExpressionAttributes) throws(DynamoDBError) -> Bool {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        return try ConditionEvaluation(item: item, attributes: attributes, kind: kind).evaluate(condition)
    }
}
