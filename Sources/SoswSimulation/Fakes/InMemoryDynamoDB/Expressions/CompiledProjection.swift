import SoswCore

/// A compiled ProjectionExpression, shared by every request that uses the same text.
final class CompiledProjection: CompiledExpression {
    let text: String
    let paths: [DocumentPath]
    let usage: ExpressionUsage
    let staticIssues: [ExpressionIssue]

    init(text: String, paths: [DocumentPath], usage: ExpressionUsage, staticIssues: [ExpressionIssue]) {
        self.text = text
        self.paths = paths
        self.usage = usage
        self.staticIssues = staticIssues
    }

    var kind: ExpressionKind { .projection }
    /// A projection uses names only.
    var validationReadsValueContents: Bool { false }

    func requestIssues(_ attributes: ExpressionAttributes) -> [ExpressionIssue] {
        var issues: [ExpressionIssue] = []
        var resolved: [DocumentPath.Resolved] = []
        for path in paths {
            switch path.resolved(with: attributes.names) {
            case .success(let path): resolved.append(path)
            case .failure(let undefined): issues.append(.undefinedName(undefined.name))
            }
        }
        if issues.isEmpty, let overlap = DocumentPathOverlap.issue(among: resolved) {
            issues.append(overlap)
        }
        return issues
    }

    /// The top-level attribute names the projection reads, in the order written (for index projections).
    func attributeNames(_ attributes: ExpressionAttributes) throws(DynamoDBError) -> [String] {
        var names: [String] = []
        for path in try resolvedPaths(attributes) where !names.contains(path.attributeName) {
            names.append(path.attributeName)
        }
        return names
    }

    /// The part of `item` the projection selects. Nested paths keep their structure (`a.b` gives `{a: {b: ..}}`);
    /// list elements keep their order and close up (`l[1], l[3]` gives a two-element list); missing paths are
    /// left out.
    func project(_ item: DynamoItem, _ attributes: ExpressionAttributes) throws(DynamoDBError) -> DynamoItem {
        var tree: [String: ProjectionTree] = [:]
        for path in try resolvedPaths(attributes) {
            guard let value = path.value(in: item) else { continue }
            let name = path.attributeName
            tree[name] = ProjectionTree.inserting(value, at: path.elements.dropFirst(), into: tree[name])
        }
        return tree.mapValues(\.attributeValue)
    }

    private func resolvedPaths(_ attributes: ExpressionAttributes) throws(DynamoDBError) -> [DocumentPath.Resolved] {
        if !staticIssues.isEmpty { try refuseIfStaticallyInvalid() }
        var resolved: [DocumentPath.Resolved] = []
        resolved.reserveCapacity(paths.count)
        for path in paths {
            resolved.append(try path.resolved(with: attributes.names, in: kind))
        }
        return resolved
    }
}

/// The projected part of one attribute while it is being assembled: list elements are keyed by their original
/// index so that several selected elements keep their order.
private indirect enum ProjectionTree {
    case leaf(AttributeValue)
    case map([String: ProjectionTree])
    case list([Int: ProjectionTree])

    static func inserting(
        _ value: AttributeValue, at path: ArraySlice<DocumentPath.Resolved.Element>, into tree: ProjectionTree?
    ) -> ProjectionTree {
        guard let element = path.first else { return .leaf(value) }
        switch element {
        case .name(let name):
            var children: [String: ProjectionTree] = [:]
            if case .map(let existing)? = tree { children = existing }
            children[name] = inserting(value, at: path.dropFirst(), into: children[name])
            return .map(children)
        case .index(let index):
            var children: [Int: ProjectionTree] = [:]
            if case .list(let existing)? = tree { children = existing }
            children[index] = inserting(value, at: path.dropFirst(), into: children[index])
            return .list(children)
        }
    }

    var attributeValue: AttributeValue {
        switch self {
        case .leaf(let value): value
        case .map(let children): .m(children.mapValues(\.attributeValue))
        case .list(let children): .l(children.keys.sorted().map { children[$0]!.attributeValue })
        }
    }
}
