/// The syntax tree the parser produces, before any meaning is checked. `ExpressionAnalyzer` turns it into the
/// typed, evaluation-ready forms (`Condition`, `UpdateActions`) and collects the semantic issues.
indirect enum SyntaxOperand: Sendable, Equatable {
    case path(DocumentPath)
    case value(String)
    case function(name: String, arguments: [SyntaxOperand])
}

/// A condition as written: ConditionExpression, FilterExpression and KeyConditionExpression share this grammar.
indirect enum SyntaxCondition: Sendable, Equatable {
    case comparison(ComparisonOperator, SyntaxOperand, SyntaxOperand)
    case between(SyntaxOperand, lower: SyntaxOperand, upper: SyntaxOperand)
    case membership(SyntaxOperand, candidates: [SyntaxOperand])
    /// A function used as a condition: `attribute_exists(a)`, `begins_with(a, :p)`, ...
    case function(name: String, arguments: [SyntaxOperand])
    case and(SyntaxCondition, SyntaxCondition)
    case or(SyntaxCondition, SyntaxCondition)
    case not(SyntaxCondition)
}

enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// The right-hand side of `SET path = ...`.
enum SyntaxSetValue: Sendable, Equatable {
    case operand(SyntaxOperand)
    case plus(SyntaxOperand, SyntaxOperand)
    case minus(SyntaxOperand, SyntaxOperand)
}

/// The clauses of an UpdateExpression, in the order written.
enum SyntaxUpdateClause: Sendable, Equatable {
    case set([(path: DocumentPath, value: SyntaxSetValue)])
    case remove([DocumentPath])
    case add([(path: DocumentPath, value: String)])
    case delete([(path: DocumentPath, value: String)])

    /// The keyword as DynamoDB names the section in messages.
    var keyword: String {
        switch self {
        case .set: "SET"
        case .remove: "REMOVE"
        case .add: "ADD"
        case .delete: "DELETE"
        }
    }

    static func == (lhs: SyntaxUpdateClause, rhs: SyntaxUpdateClause) -> Bool {
        switch (lhs, rhs) {
        case (.set(let left), .set(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.path == $1.path && $0.value == $1.value }
        case (.remove(let left), .remove(let right)):
            left == right
        case (.add(let left), .add(let right)), (.delete(let left), .delete(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.path == $1.path && $0.value == $1.value }
        default:
            false
        }
    }
}

/// A syntax problem, reported as DynamoDB does: the offending token and the text around it.
struct ExpressionSyntaxError: Error, Equatable {
    var token: String
    var near: String

    var detail: String {
        "Syntax error; token: \"\(token)\", near: \"\(near)\""
    }
}
