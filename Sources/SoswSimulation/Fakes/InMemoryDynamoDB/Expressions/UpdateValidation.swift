import SoswCore

/// The issues of an update that depend on one request's names and values: undefined placeholders, overlapping
/// or conflicting target paths, ADD/DELETE operands that are not numbers or sets, `+`, `-` and `list_append`
/// operands of the wrong type. DynamoDB finds these before reading the item, so the fake does too.
struct UpdateValidation {
    let attributes: ExpressionAttributes
    private(set) var issues: [ExpressionIssue] = []

    static func issues(of actions: UpdateActions, with attributes: ExpressionAttributes) -> [ExpressionIssue] {
        var validation = UpdateValidation(attributes: attributes)
        var targets: [DocumentPath.Resolved] = []
        for assignment in actions.assignments {
            if let target = validation.resolve(assignment.path) { targets.append(target) }
            validation.check(assignment.value)
        }
        for path in actions.removals {
            if let target = validation.resolve(path) { targets.append(target) }
        }
        for (operationName, operations) in [("ADD", actions.additions), ("DELETE", actions.deletions)] {
            for operation in operations {
                if let target = validation.resolve(operation.path) { targets.append(target) }
                guard let operand = validation.value(operation.value) else { continue }
                let acceptsNumber = operationName == "ADD"
                if let word = operand.updateOperandTypeWord, !(acceptsNumber && word == "NUMBER") {
                    validation.issues.append(ExpressionIssue(
                        category: .updateOperandType,
                        message: "Incorrect operand type for operator or function; operator: \(operationName), "
                            + "operand type: \(word)"))
                }
            }
        }
        if targets.count == actions.targetPaths.count, let overlap = DocumentPathOverlap.issue(among: targets) {
            validation.issues.append(overlap)
        }
        return validation.issues
    }

    private mutating func check(_ value: UpdateValue) {
        switch value {
        case .operand(let operand):
            check(operand)
        case .sum(let left, let right):
            checkNumeric("+", left, right)
        case .difference(let left, let right):
            checkNumeric("-", left, right)
        }
    }

    private mutating func checkNumeric(_ operatorName: String, _ left: UpdateOperand, _ right: UpdateOperand) {
        for operand in [left, right] {
            check(operand)
            if case .value(let placeholder) = operand, let value = attributes.value(of: placeholder) {
                if case .n = value { continue }
                issues.append(.operandType(operatorName, value.typeName))
            }
        }
    }

    private mutating func check(_ operand: UpdateOperand) {
        switch operand {
        case .path(let path):
            _ = resolve(path)
        case .value(let placeholder):
            _ = value(placeholder)
        case .ifNotExists(let path, let fallback):
            _ = resolve(path)
            check(fallback)
        case .listAppend(let first, let second):
            for list in [first, second] {
                check(list)
                if case .value(let placeholder) = list, let value = attributes.value(of: placeholder) {
                    if case .l = value { continue }
                    issues.append(.operandType("list_append", value.typeName))
                }
            }
        case .rejected:
            break
        }
    }

    private mutating func value(_ placeholder: String) -> AttributeValue? {
        guard let value = attributes.value(of: placeholder) else {
            issues.append(.undefinedValue(placeholder))
            return nil
        }
        return value
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
}
