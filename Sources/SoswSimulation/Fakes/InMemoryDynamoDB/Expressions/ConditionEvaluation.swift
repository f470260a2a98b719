import SoswCore

/// Evaluates a checked `Condition` against one item with one request's names and values. A value type on the
/// stack: evaluating allocates nothing beyond what reading the item does.
struct ConditionEvaluation {
    let item: DynamoItem
    let attributes: ExpressionAttributes
    let kind: ExpressionKind

    func evaluate(_ condition: Condition) throws(DynamoDBError) -> Bool {
        switch condition {
        case .and(let left, let right):
            guard try evaluate(left) else { return false }
            return try evaluate(right)
        case .or(let left, let right):
            if try evaluate(left) { return true }
            return try evaluate(right)
        case .not(let inner):
            return try !evaluate(inner)
        case .comparison(let comparison, let left, let right):
            return try compare(comparison, value(left), value(right))
        case .between(let subject, let lower, let upper):
            guard let subject = try value(subject), let lower = try value(lower), let upper = try value(upper),
                let fromLower = subject.expressionOrder(comparedTo: lower),
                let fromUpper = subject.expressionOrder(comparedTo: upper)
            else { return false }
            return fromLower != .less && fromUpper != .greater
        case .membership(let subject, let candidates):
            guard let subject = try value(subject) else { return false }
            for candidate in candidates {
                if let candidate = try value(candidate), subject.expressionEquals(candidate) { return true }
            }
            return false
        case .attributeExists(let path):
            return try value(.path(path)) != nil
        case .attributeNotExists(let path):
            return try value(.path(path)) == nil
        case .attributeType(let path, let typeOperand):
            guard let subject = try value(.path(path)), case .s(let typeName)? = try value(typeOperand) else {
                return false
            }
            return subject.typeName == typeName
        case .beginsWith(let subject, let prefix):
            guard let subject = try value(subject), let prefix = try value(prefix) else { return false }
            return subject.expressionBeginsWith(prefix)
        case .contains(let subject, let operand):
            guard let subject = try value(subject), let operand = try value(operand) else { return false }
            return subject.expressionContains(operand)
        case .rejected:
            return false
        }
    }

    /// The operand's value, `nil` when the path does not exist (or `size` of something without a size).
    func value(_ operand: ConditionOperand) throws(DynamoDBError) -> AttributeValue? {
        switch operand {
        case .path(let path):
            do {
                return try path.value(in: item, names: attributes.names)
            } catch {
                throw .validation(kind.invalid(ExpressionIssue.undefinedName(error.name).message))
            }
        case .value(let placeholder):
            guard let value = attributes.value(of: placeholder) else {
                throw .validation(kind.invalid(ExpressionIssue.undefinedValue(placeholder).message))
            }
            return value
        case .size(let inner):
            guard let size = try value(inner)?.expressionSize else { return nil }
            return .n(DynamoNumber(Int64(size)))
        case .rejected:
            return nil
        }
    }

    private func compare(_ comparison: ComparisonOperator, _ left: AttributeValue?, _ right: AttributeValue?) -> Bool {
        switch comparison {
        case .equal:
            guard let left, let right else { return false }
            return left.expressionEquals(right)
        case .notEqual:
            guard let left, let right else { return (left == nil) != (right == nil) }
            return !left.expressionEquals(right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let left, let right, let order = left.expressionOrder(comparedTo: right) else { return false }
            switch comparison {
            case .less: return order == .less
            case .lessOrEqual: return order != .greater
            case .greater: return order == .greater
            default: return order != .less
            }
        }
    }
}
