/// Turns a parsed UpdateExpression into checked `UpdateActions`, collecting the issues that depend on the text
/// alone: repeated clauses, unknown functions, wrong operand counts, reserved words. Name- and value-dependent
/// issues (undefined placeholders, overlapping paths, operand types) wait for the request: see `UpdateValidation`.
struct UpdateAnalyzer {
    private(set) var issues: [ExpressionIssue] = []
    private(set) var usage = ExpressionUsage()

    static func analyze(_ clauses: [SyntaxUpdateClause]) -> (actions: UpdateActions, issues: [ExpressionIssue], usage: ExpressionUsage) {
        var analyzer = UpdateAnalyzer()
        var actions = UpdateActions()
        var seenSections: Set<String> = []
        for clause in clauses {
            if !seenSections.insert(clause.keyword).inserted {
                analyzer.issues.append(ExpressionIssue(
                    category: .duplicateSection,
                    message: "The \"\(clause.keyword)\" section can only be used once in an update expression;"))
            }
            switch clause {
            case .set(let assignments):
                for assignment in assignments {
                    analyzer.record(assignment.path)
                    actions.assignments.append(.init(path: assignment.path, value: analyzer.value(assignment.value)))
                }
            case .remove(let paths):
                paths.forEach { analyzer.record($0) }
                actions.removals += paths
            case .add(let operations):
                for operation in operations {
                    analyzer.record(operation.path)
                    analyzer.usage.values.insert(operation.value)
                    actions.additions.append(.init(path: operation.path, value: operation.value))
                }
            case .delete(let operations):
                for operation in operations {
                    analyzer.record(operation.path)
                    analyzer.usage.values.insert(operation.value)
                    actions.deletions.append(.init(path: operation.path, value: operation.value))
                }
            }
        }
        return (actions, analyzer.issues, analyzer.usage)
    }

    private mutating func value(_ syntax: SyntaxSetValue) -> UpdateValue {
        switch syntax {
        case .operand(let single): .operand(operand(single))
        case .plus(let left, let right): .sum(operand(left), operand(right))
        case .minus(let left, let right): .difference(operand(left), operand(right))
        }
    }

    private mutating func operand(_ syntax: SyntaxOperand) -> UpdateOperand {
        switch syntax {
        case .path(let path):
            record(path)
            return .path(path)
        case .value(let placeholder):
            usage.values.insert(placeholder)
            return .value(placeholder)
        case .function(let name, let arguments):
            let checked = arguments.map { operand($0) }
            guard name == "if_not_exists" || name == "list_append" else {
                issues.append(.unknownFunction(name))
                return .rejected
            }
            guard checked.count == 2 else {
                issues.append(.operandCount(name, checked.count))
                return .rejected
            }
            if name == "list_append" {
                return .listAppend(checked[0], checked[1])
            }
            guard case .path(let path) = checked[0] else {
                issues.append(.requiresPath(name))
                return .rejected
            }
            return .ifNotExists(path, checked[1])
        }
    }

    private mutating func record(_ path: DocumentPath) {
        for name in path.bareNames where ReservedWords.contains(name) {
            issues.append(.reserved(name))
        }
        usage.names.formUnion(path.placeholders)
    }
}
