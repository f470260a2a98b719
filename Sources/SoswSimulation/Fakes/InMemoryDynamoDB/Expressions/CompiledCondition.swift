import SoswCore

/// A compiled ConditionExpression or FilterExpression, shared by every request that uses the same text.
struct CompiledCondition: CompiledExpression {
    let kind: ExpressionKind
    let text: String
    let condition: Condition
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

    var validationReadsValueContents: Bool { condition.hasValueContentChecks }

    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue] {
        ConditionValidation.issues(of: condition, with: attributes)
    }

    /// Whether `item` satisfies the condition; a missing item is the empty item (as for a conditional put).
    func evaluate(_ item: DynamoItem, _ attributes: ExpressionAttributes) throws(DynamoDBError) -> Bool {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        return try ConditionEvaluation(item: item, attributes: attributes, kind: kind).evaluate(condition)
    }
}
