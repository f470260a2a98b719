/// A semantic problem with an expression. When a request has several, DynamoDB reports one of them by a fixed
/// precedence that differs between condition and update expressions; `category` carries what that precedence
/// needs, `ExpressionKind.rank(of:)` applies it.
struct ExpressionIssue: Sendable, Equatable {
    enum Category: Sendable, Equatable {
        case redundantParentheses
        case unknownFunction
        case misusedFunction
        case reservedWord
        case duplicateSection
        case undefinedName
        case undefinedValue
        case pathOverlap
        case pathConflict
        case updateOperandType
        case operandCount
        case distinctOperands
        case functionOperand
    }

    var category: Category
    /// The detail after "Invalid XExpression: ".
    var message: String

    static func reserved(_ word: String) -> ExpressionIssue {
        ExpressionIssue(category: .reservedWord, message: "Attribute name is a reserved keyword; reserved keyword: \(word)")
    }

    static func unknownFunction(_ name: String) -> ExpressionIssue {
        ExpressionIssue(category: .unknownFunction, message: "Invalid function name; function: \(name)")
    }

    static func misusedFunction(_ name: String) -> ExpressionIssue {
        ExpressionIssue(
            category: .misusedFunction,
            message: "The function is not allowed to be used this way in an expression; function: \(name)")
    }

    static func operandCount(_ name: String, _ count: Int) -> ExpressionIssue {
        ExpressionIssue(
            category: .operandCount,
            message: "Incorrect number of operands for operator or function; operator or function: \(name), "
                + "number of operands: \(count)")
    }

    static func requiresPath(_ name: String) -> ExpressionIssue {
        ExpressionIssue(
            category: .functionOperand,
            message: "Operator or function requires a document path; operator or function: \(name)")
    }

    static func operandType(_ name: String, _ typeName: String) -> ExpressionIssue {
        ExpressionIssue(
            category: .functionOperand,
            message: "Incorrect operand type for operator or function; operator or function: \(name), "
                + "operand type: \(typeName)")
    }

    static func undefinedName(_ placeholder: String) -> ExpressionIssue {
        ExpressionIssue(
            category: .undefinedName,
            message: "An expression attribute name used in the document path is not defined; attribute name: \(placeholder)")
    }

    static func undefinedValue(_ placeholder: String) -> ExpressionIssue {
        ExpressionIssue(
            category: .undefinedValue,
            message: "An expression attribute value used in expression is not defined; attribute value: \(placeholder)")
    }
}

extension ExpressionKind {
    /// DynamoDB's precedence among issues of one expression: the lowest rank is the one reported.
    func rank(of category: ExpressionIssue.Category) -> Int {
        switch self {
        case .update:
            switch category {
            case .reservedWord: 0
            case .unknownFunction: 1
            case .duplicateSection: 2
            case .undefinedName: 3
            case .undefinedValue: 4
            case .pathOverlap: 5
            case .pathConflict: 6
            case .updateOperandType: 7
            default: 8
            }
        case .projection:
            switch category {
            case .reservedWord: 0
            case .undefinedName: 1
            case .pathOverlap: 2
            case .pathConflict: 3
            default: 4
            }
        case .condition, .keyCondition, .filter:
            switch category {
            case .redundantParentheses: 0
            case .unknownFunction: 1
            case .misusedFunction: 2
            case .reservedWord: 3
            case .undefinedName, .undefinedValue: 4
            case .operandCount: 5
            case .distinctOperands: 6
            default: 7
            }
        }
    }

    /// The issue DynamoDB would report among `issues` (the first of the lowest rank), if any.
    func reported(among issues: [ExpressionIssue]) -> ExpressionIssue? {
        var best: (issue: ExpressionIssue, rank: Int)?
        for issue in issues {
            let rank = rank(of: issue.category)
            if best == nil || rank < best!.rank { best = (issue, rank) }
        }
        return best?.issue
    }
}
