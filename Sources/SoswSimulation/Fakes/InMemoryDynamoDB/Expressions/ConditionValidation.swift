import SoswCore

/// The issues of a condition that depend on one request's names and values: undefined placeholders, a path
/// compared with itself, operands of the wrong type for a function, BETWEEN bounds of different types or in the
/// wrong order. DynamoDB finds these before reading any item, so the fake does too.
struct ConditionValidation {
    let attributes: ExpressionAttributes
    private(set) var issues: [ExpressionIssue] = []

    static let attributeTypeNames: Set<String> = ["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"]

    static func issues(of condition: Condition, with attributes: ExpressionAttributes) -> [ExpressionIssue] {
        var validation = ConditionValidation(attributes: attributes)
        validation.check(condition)
        return validation.issues
    }

    private mutating func check(_ condition: Condition) {
        switch condition {
        case .and(let left, let right), .or(let left, let right):
            check(left)
            check(right)
        case .not(let inner):
            check(inner)
        case .comparison(let comparison, let left, let right):
            checkDistinct(comparison.rawValue, left, right)
        case .between(let subject, let lower, let upper):
            _ = [subject, lower, upper].map { value(of: $0) }
            if case .value = lower, case .value = upper, let low = value(of: lower), let high = value(of: upper) {
                checkBounds(low, high)
            }
        case .membership(let subject, let candidates):
            _ = ([subject] + candidates).map { value(of: $0) }
        case .attributeExists(let path), .attributeNotExists(let path):
            _ = value(of: .path(path))
        case .attributeType(let path, let typeOperand):
            _ = value(of: .path(path))
            let typeValue = value(of: typeOperand)
            guard case .value = typeOperand, let typeValue else { break }
            guard case .s(let typeName) = typeValue else {
                issues.append(.operandType("attribute_type", typeValue.typeName))
                break
            }
            if !Self.attributeTypeNames.contains(typeName) {
                issues.append(ExpressionIssue(
                    category: .functionOperand,
                    message: "Invalid attribute type name found; type: \(typeName), valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"))
            }
        case .beginsWith(let subject, let prefix):
            checkDistinct("begins_with", subject, prefix)
            for operand in [subject, prefix] {
                if case .value = operand, let operandValue = value(of: operand) {
                    switch operandValue {
                    case .s, .b: continue
                    default: issues.append(.operandType("begins_with", operandValue.typeName))
                    }
                }
            }
        case .contains(let subject, let operand):
            checkDistinct("contains", subject, operand)
        case .rejected:
            break
        }
    }

    /// Resolves an operand's placeholders, noting undefined ones; returns the value of a `:placeholder` operand.
    @discardableResult
    private mutating func value(of operand: ConditionOperand) -> AttributeValue? {
        switch operand {
        case .path(let path):
            _ = resolve(path)
            return nil
        case .value(let placeholder):
            guard let value = attributes.value(of: placeholder) else {
                issues.append(.undefinedValue(placeholder))
                return nil
            }
            return value
        case .size(let inner):
            if case .value = inner, let innerValue = value(of: inner) {
                switch innerValue {
                case .n, .bool, .null: issues.append(.operandType("size", innerValue.typeName))
                default: break
                }
            } else {
                value(of: inner)
            }
            return nil
        case .rejected:
            return nil
        }
    }

    private mutating func resolve(_ path: DocumentPath) -> DocumentPath.Resolved? {
        switch path.resolved(with: attributes.names) {
        case .success(let resolved):
            return resolved
        case .failure(let undefined):
            issues.append(.undefinedName(undefined.name))
            return nil
        }
    }

    private mutating func checkDistinct(_ operatorName: String, _ left: ConditionOperand, _ right: ConditionOperand) {
        value(of: left)
        value(of: right)
        guard case .path(let leftPath) = left, case .path(let rightPath) = right,
            case .success(let first) = leftPath.resolved(with: attributes.names),
            case .success(let second) = rightPath.resolved(with: attributes.names), first == second
        else { return }
        issues.append(ExpressionIssue(
            category: .distinctOperands,
            message: "The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: \(operatorName), first operand: \(first.messageText)"))
    }

    private mutating func checkBounds(_ lower: AttributeValue, _ upper: AttributeValue) {
        let operands = "lower bound operand: AttributeValue: \(lower.messageText), "
            + "upper bound operand: AttributeValue: \(upper.messageText)"
        if lower.typeName != upper.typeName {
            issues.append(ExpressionIssue(
                category: .functionOperand,
                message: "The BETWEEN operator requires same data type for lower and upper bounds; \(operands)"))
        } else if lower.expressionOrder(comparedTo: upper) == .greater {
            issues.append(ExpressionIssue(
                category: .functionOperand,
                message: "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; \(operands)"))
        }
    }
}
