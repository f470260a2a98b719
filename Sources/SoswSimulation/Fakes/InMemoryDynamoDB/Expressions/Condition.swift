/// An operand of a condition, ready to evaluate: placeholders are bound per request through
/// `ExpressionAttributes`, so the tree itself is shared by every request with the same text.
indirect enum ConditionOperand: Sendable, Equatable {
    case path(DocumentPath)
    case value(String)
    case size(ConditionOperand)
    /// Stands for an operand the analyzer rejected (see `Condition.rejected`).
    case rejected
}

/// A checked condition (ConditionExpression, FilterExpression or KeyConditionExpression), ready to evaluate.
indirect enum Condition: Sendable, Equatable {
    case comparison(ComparisonOperator, ConditionOperand, ConditionOperand)
    case between(ConditionOperand, lower: ConditionOperand, upper: ConditionOperand)
    case membership(ConditionOperand, candidates: [ConditionOperand])
    case attributeExists(DocumentPath)
    case attributeNotExists(DocumentPath)
    case attributeType(DocumentPath, ConditionOperand)
    case beginsWith(ConditionOperand, ConditionOperand)
    case contains(ConditionOperand, ConditionOperand)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    /// Stands for a part the analyzer rejected; an expression containing one always carries an issue and is
    /// never evaluated.
    case rejected
}

extension Condition {
    /// Whether validating the condition reads the contents of placeholder values, not only their types:
    /// BETWEEN checks that its bounds are in order, attribute_type that its operand names a type.
    var hasValueContentChecks: Bool {
        switch self {
        case .between, .attributeType: true
        case .and(let left, let right), .or(let left, let right): left.hasValueContentChecks || right.hasValueContentChecks
        case .not(let inner): inner.hasValueContentChecks
        case .comparison, .membership, .attributeExists, .attributeNotExists, .beginsWith, .contains, .rejected: false
        }
    }
}
