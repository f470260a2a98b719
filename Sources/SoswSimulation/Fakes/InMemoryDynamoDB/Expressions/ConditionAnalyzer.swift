/// Turns a parsed condition into a checked `Condition`, collecting the issues that depend on the text alone:
/// unknown or misplaced functions, wrong operand counts, non-path operands where a path is required, reserved
/// words, redundant parentheses. Issues that depend on a request's names and values are found by
/// `ConditionValidation` when the request arrives.
struct ConditionAnalyzer {
    /// DynamoDB documents at most 100 operands on the right of IN.
    static let maximumInOperands = 100

    private(set) var issues: [ExpressionIssue] = []
    private(set) var usage = ExpressionUsage()

    static func analyze(_ syntax: SyntaxCondition, hasRedundantParentheses: Bool)
        -> (condition: Condition, issues: [ExpressionIssue], usage: ExpressionUsage)
    {
        var analyzer = ConditionAnalyzer()
        if hasRedundantParentheses {
            analyzer.issues.append(
                ExpressionIssue(category: .redundantParentheses, message: "The expression has redundant parentheses;"))
        }
        let condition = analyzer.condition(syntax)
        return (condition, analyzer.issues, analyzer.usage)
    }

    private mutating func condition(_ syntax: SyntaxCondition) -> Condition {
        switch syntax {
        case .and(let left, let right):
            return .and(condition(left), condition(right))
        case .or(let left, let right):
            return .or(condition(left), condition(right))
        case .not(let inner):
            return .not(condition(inner))
        case .comparison(let comparison, let left, let right):
            return .comparison(comparison, operand(left), operand(right))
        case .between(let subject, let lower, let upper):
            return .between(operand(subject), lower: operand(lower), upper: operand(upper))
        case .membership(let subject, let candidates):
            if candidates.count > Self.maximumInOperands {
                issues.append(.operandCount("IN", candidates.count))
            }
            return .membership(operand(subject), candidates: candidates.map { operand($0) })
        case .function(let name, let arguments):
            return function(name, arguments)
        }
    }

    private mutating func function(_ name: String, _ arguments: [SyntaxOperand]) -> Condition {
        let expectedCount: Int
        switch name {
        case "attribute_exists", "attribute_not_exists": expectedCount = 1
        case "attribute_type", "begins_with", "contains": expectedCount = 2
        case "size":
            issues.append(.misusedFunction(name))
            return .rejected
        default:
            issues.append(.unknownFunction(name))
            return .rejected
        }
        let checked = arguments.map { operand($0) }
        guard checked.count == expectedCount else {
            issues.append(.operandCount(name, arguments.count))
            return .rejected
        }
        switch name {
        case "attribute_exists", "attribute_not_exists", "attribute_type":
            guard case .path(let path) = checked[0] else {
                issues.append(.requiresPath(name))
                return .rejected
            }
            switch name {
            case "attribute_exists": return .attributeExists(path)
            case "attribute_not_exists": return .attributeNotExists(path)
            default: return .attributeType(path, checked[1])
            }
        case "begins_with":
            return .beginsWith(checked[0], checked[1])
        default:
            return .contains(checked[0], checked[1])
        }
    }

    private mutating func operand(_ syntax: SyntaxOperand) -> ConditionOperand {
        switch syntax {
        case .path(let path):
            record(path)
            return .path(path)
        case .value(let placeholder):
            usage.values.insert(placeholder)
            return .value(placeholder)
        case .function(let name, let arguments):
            let checked = arguments.map { operand($0) }
            switch name {
            case "size":
                guard checked.count == 1 else {
                    issues.append(.operandCount(name, arguments.count))
                    return .rejected
                }
                return .size(checked[0])
            case "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains":
                issues.append(.misusedFunction(name))
            default:
                issues.append(.unknownFunction(name))
            }
            return .rejected
        }
    }

    private mutating func record(_ path: DocumentPath) {
        for name in path.bareNames where ReservedWords.contains(name) {
            issues.append(.reserved(name))
        }
        usage.names.formUnion(path.placeholders)
    }
}

/// The placeholders an expression uses, so a request's unused ExpressionAttributeNames and Values can be named.
struct ExpressionUsage: Sendable, Equatable {
    var names: Set<String> = []
    var values: Set<String> = []
}
