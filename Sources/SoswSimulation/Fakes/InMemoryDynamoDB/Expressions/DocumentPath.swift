import SoswCore

/// A path into an item as written in an expression: `a.#b[2].c`. Placeholders stay unresolved so one compiled
/// expression serves every request that uses the same text; `resolved(with:)` binds them per request.
struct DocumentPath: Hashable, Sendable {
    enum Element: Hashable, Sendable {
        /// A bare attribute name, used as written.
        case name(String)
        /// A `#placeholder`, bound through ExpressionAttributeNames.
        case placeholder(String)
        /// A list index, `[n]`.
        case index(Int)
    }

    /// Never empty; the first element is a name or placeholder.
    var elements: [Element]

    /// A path with every placeholder replaced by its attribute name.
    struct Resolved: Hashable, Sendable {
        enum Element: Hashable, Sendable {
            case name(String)
            case index(Int)
        }

        var elements: [Element]

        /// The top-level attribute the path starts from.
        var attributeName: String {
            guard case .name(let name) = elements[0] else { preconditionFailure("a document path starts with a name") }
            return name
        }

        /// DynamoDB's rendering in messages: `[a, b, [2], c]`.
        var messageText: String {
            "[" + elements.map { element in
                switch element {
                case .name(let name): name
                case .index(let index): "[\(index)]"
                }
            }.joined(separator: ", ") + "]"
        }
    }

    /// Binds placeholders; `nil` names an undefined placeholder (the caller reports it with DynamoDB's wording).
    func resolved(with names: [String: String]?) -> Result<Resolved, UndefinedPlaceholder> {
        var resolvedElements: [Resolved.Element] = []
        resolvedElements.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .name(let name):
                resolvedElements.append(.name(name))
            case .placeholder(let placeholder):
                guard let name = names?[placeholder] else { return .failure(UndefinedPlaceholder(name: placeholder)) }
                resolvedElements.append(.name(name))
            case .index(let index):
                resolvedElements.append(.index(index))
            }
        }
        return .success(Resolved(elements: resolvedElements))
    }

    /// Binds placeholders, refusing an undefined one with DynamoDB's message for an expression of `kind`.
    func resolved(with names: [String: String]?, in kind: ExpressionKind) throws(DynamoDBError) -> Resolved {
        switch resolved(with: names) {
        case .success(let resolved): return resolved
        case .failure(let undefined):
            throw .validation(kind.invalid(ExpressionIssue.undefinedName(undefined.name).message))
        }
    }

    /// The `#placeholders` the path uses, in order.
    var placeholders: [String] {
        elements.compactMap { element in
            if case .placeholder(let placeholder) = element { placeholder } else { nil }
        }
    }

    /// The bare names the path uses, for the reserved-word check.
    var bareNames: [String] {
        elements.compactMap { element in
            if case .name(let name) = element { name } else { nil }
        }
    }
}

/// A `#name` used in an expression but absent from ExpressionAttributeNames.
struct UndefinedPlaceholder: Error, Equatable {
    var name: String
}
