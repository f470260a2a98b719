import SoswCore

/// What every compiled expression tells request validation: which kind it is (for message prefixes and the
/// order of checks), which placeholders it uses (for the "unused" messages), and its issues for one request.
protocol CompiledExpression: Sendable {
    var kind: ExpressionKind { get }
    /// The text it was compiled from: with the kind, what identifies it in ``ExpressionValidationCache``.
    var text: String { get }
    /// Whether request validation looks at the contents of ExpressionAttributeValues (BETWEEN's bound order,
    /// attribute_type's type name) rather than only at which placeholders exist and their types. Such requests
    /// are validated every time instead of from the cache.
    var validationReadsValueContents: Bool { get }
    var usage: ExpressionUsage { get }
    /// Issues found from the text alone, at compile time.
    var staticIssues: [ExpressionIssue] { get }
    /// Issues that depend on the request's names and values (undefined placeholders, operand types, ...).
    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue]
}

extension CompiledExpression {
    /// Throws the issue DynamoDB would report for this expression in this request, if any.
    func check(_ attributes: ExpressionAttributes) throws(DynamoDBError) {
        if let issue = kind.reported(among: staticIssues + requestIssues(attributes)) {
            throw .validation(kind.invalid(issue.message))
        }
    }

    /// Evaluation refuses an expression with static issues; request validation normally reported them first.
    func refuseIfStaticallyInvalid() throws(DynamoDBError) {
        if let issue = kind.reported(among: staticIssues) {
            throw .validation(kind.invalid(issue.message))
        }
    }
}
