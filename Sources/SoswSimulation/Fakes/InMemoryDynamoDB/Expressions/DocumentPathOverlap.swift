/// DynamoDB refuses an update or projection whose paths overlap (one is a prefix of another, or they are equal)
/// or conflict (one treats an element as a map, the other as a list): the result would depend on the order of
/// the actions. The first overlap found wins over any conflict, as the service reports it.
enum DocumentPathOverlap {
    static func issue(among paths: [DocumentPath.Resolved]) -> ExpressionIssue? {
        var conflict: ExpressionIssue?
        for (index, first) in paths.enumerated() {
            for second in paths[(index + 1)...] {
                switch relation(first, second) {
                case .overlap:
                    return ExpressionIssue(category: .pathOverlap, message: message("overlap", first, second))
                case .conflict where conflict == nil:
                    conflict = ExpressionIssue(category: .pathConflict, message: message("conflict", first, second))
                default:
                    continue
                }
            }
        }
        return conflict
    }

    private enum Relation { case independent, overlap, conflict }

    private static func relation(_ first: DocumentPath.Resolved, _ second: DocumentPath.Resolved) -> Relation {
        for (left, right) in zip(first.elements, second.elements) {
            switch (left, right) {
            case (.name(let a), .name(let b)) where a != b: return .independent
            case (.index(let a), .index(let b)) where a != b: return .independent
            case (.name, .index), (.index, .name): return .conflict
            default: continue
            }
        }
        return .overlap
    }

    private static func message(_ word: String, _ first: DocumentPath.Resolved, _ second: DocumentPath.Resolved) -> String {
        "Two document paths \(word) with each other; must remove or rewrite one of these paths; "
            + "path one: \(first.messageText), path two: \(second.messageText)"
    }
}
