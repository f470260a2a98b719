extension Condition {
    /// Every document path the condition reads, in the order written: a Query checks them against the key
    /// attributes, which a FilterExpression may not name.
    var paths: [DocumentPath] {
        var paths: [DocumentPath] = []
        collectPaths(into: &paths)
        return paths
    }

    private func collectPaths(into paths: inout [DocumentPath]) {
        switch self {
        case .comparison(_, let left, let right), .beginsWith(let left, let right), .contains(let left, let right):
            left.collectPaths(into: &paths)
            right.collectPaths(into: &paths)
        case .between(let subject, let lower, let upper):
            for operand in [subject, lower, upper] { operand.collectPaths(into: &paths) }
        case .membership(let subject, let candidates):
            for operand in [subject] + candidates { operand.collectPaths(into: &paths) }
        case .attributeExists(let path), .attributeNotExists(let path):
            paths.append(path)
        case .attributeType(let path, let type):
            paths.append(path)
            type.collectPaths(into: &paths)
        case .and(let left, let right), .or(let left, let right):
            left.collectPaths(into: &paths)
            right.collectPaths(into: &paths)
        case .not(let inner):
            inner.collectPaths(into: &paths)
        case .rejected:
            break
        }
    }
}

extension ConditionOperand {
    fileprivate func collectPaths(into paths: inout [DocumentPath]) {
        switch self {
        case .path(let path): paths.append(path)
        case .size(let inner): inner.collectPaths(into: &paths)
        case .value, .rejected: break
        }
    }
}
