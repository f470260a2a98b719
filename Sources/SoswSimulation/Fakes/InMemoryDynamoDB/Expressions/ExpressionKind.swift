/// The five places a request may carry expression text. The kind decides the grammar and the prefix of every
/// message the service returns about it ("Invalid ConditionExpression: ..."), so a test that asserts on a message
/// sees the same words from the fake as from DynamoDB.
enum ExpressionKind: Int, Sendable, Comparable, CaseIterable {
    // Raw values give the order in which DynamoDB validates the expressions of one request.
    case update = 0
    case condition = 1
    case keyCondition = 2
    case filter = 3
    case projection = 4

    /// The request parameter's name, as it appears in the service's messages.
    var parameterName: String {
        switch self {
        case .update: "UpdateExpression"
        case .condition: "ConditionExpression"
        case .keyCondition: "KeyConditionExpression"
        case .filter: "FilterExpression"
        case .projection: "ProjectionExpression"
        }
    }

    /// The prefix of the service's messages about an expression of this kind.
    func invalid(_ detail: String) -> String {
        "Invalid \(parameterName): \(detail)"
    }

    static func < (lhs: ExpressionKind, rhs: ExpressionKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
