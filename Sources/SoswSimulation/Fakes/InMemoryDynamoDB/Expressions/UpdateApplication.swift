import SoswCore

/// Applies checked `UpdateActions` to an item with one request's names and values, with DynamoDB's semantics:
/// every SET value is computed from the item as it was before the update; REMOVE of list elements uses the
/// original indexes (later elements shift down); ADD creates missing numbers and sets; DELETE drops a set that
/// becomes empty; a nested path whose parent is missing is an error.
struct UpdateApplication {
    let attributes: ExpressionAttributes

    static let invalidPath = DynamoDBError.validation(
        "The document path provided in the update expression is invalid for update")
    static let missingAttribute = DynamoDBError.validation(
        "The provided expression refers to an attribute that does not exist in the item")
    static let incorrectType = DynamoDBError.validation(
        "An operand in the update expression has an incorrect data type")

    /// Applies the actions to `item` in place, noting in `undo` what each top-level attribute held before it
    /// changed. If this throws, `item` may be partly updated: the caller undoes it from the log
    /// (``CompiledUpdate/apply(_:to:_:checking:)`` does).
    func apply(
        _ actions: ResolvedUpdateActions, to item: inout DynamoItem, undo: inout UpdateUndoLog
    ) throws(DynamoDBError) {
        // Every SET value is computed from the item as it was before any of them is assigned, and every value
        // before any assignment (so a bad value is reported before a bad path). A lone SET, the common case,
        // needs no array for that.
        if let assignment = actions.assignments.first, actions.assignments.count == 1 {
            let value = try value(of: assignment.value, in: item)
            try Self.assign(value, at: assignment.path, in: &item, undo: &undo)
        } else if !actions.assignments.isEmpty {
            var values: [AttributeValue] = []
            values.reserveCapacity(actions.assignments.count)
            for assignment in actions.assignments {
                values.append(try value(of: assignment.value, in: item))
            }
            for (assignment, value) in zip(actions.assignments, values) {
                try Self.assign(value, at: assignment.path, in: &item, undo: &undo)
            }
        }

        var listRemovals: [(parent: [DocumentPath.Resolved.Element], indexes: [Int])] = []
        for resolved in actions.removals {
            if case .index(let index) = resolved.elements.last {
                let parent = Array(resolved.elements.dropLast())
                if let group = listRemovals.firstIndex(where: { $0.parent == parent }) {
                    listRemovals[group].indexes.append(index)
                } else {
                    listRemovals.append((parent, [index]))
                }
            } else {
                try Self.remove(at: resolved, in: &item, undo: &undo)
            }
        }
        for group in listRemovals {
            for index in group.indexes.sorted(by: >) {
                try Self.remove(
                    at: DocumentPath.Resolved(elements: group.parent + [.index(index)]), in: &item, undo: &undo)
            }
        }

        for operation in actions.additions {
            let operand = try value(of: operation.value)
            if operation.path.elements.count == 1 {
                // A top-level attribute, the usual counter: found once, then changed where it is.
                let name = operation.path.attributeName
                if let index = item.index(forKey: name) {
                    let current = item.values[index]
                    let sum = try Self.add(operand, to: current)
                    undo.record(name, previous: current, current: sum)
                    item.values[index] = sum
                } else {
                    undo.record(name, previous: nil, current: operand)
                    item[name] = operand
                }
                continue
            }
            guard let current = operation.path.value(in: item) else {
                try Self.assign(operand, at: operation.path, in: &item, undo: &undo)
                continue
            }
            try Self.assign(try Self.add(operand, to: current), at: operation.path, in: &item, undo: &undo)
        }

        for operation in actions.deletions {
            let operand = try value(of: operation.value)
            guard let current = operation.path.value(in: item) else { continue }
            if let remaining = try Self.delete(operand, from: current) {
                try Self.assign(remaining, at: operation.path, in: &item, undo: &undo)
            } else {
                try Self.remove(at: operation.path, in: &item, undo: &undo)
            }
        }
    }

    // MARK: Values

    private func value(of updateValue: UpdateValue, in item: DynamoItem) throws(DynamoDBError) -> AttributeValue {
        switch updateValue {
        case .operand(let operand):
            return try value(of: operand, in: item)
        case .sum(let left, let right):
            guard case .n(let augend) = try value(of: left, in: item), case .n(let addend) = try value(of: right, in: item)
            else { throw Self.incorrectType }
            return .n(try augend.adding(addend))
        case .difference(let left, let right):
            guard case .n(let minuend) = try value(of: left, in: item),
                case .n(let subtrahend) = try value(of: right, in: item)
            else { throw Self.incorrectType }
            return .n(try minuend.subtracting(subtrahend))
        }
    }

    private func value(of operand: UpdateOperand, in item: DynamoItem) throws(DynamoDBError) -> AttributeValue {
        switch operand {
        case .path(let path):
            guard let value = try resolve(path).value(in: item) else { throw Self.missingAttribute }
            return value
        case .value(let placeholder):
            return try value(of: placeholder)
        case .ifNotExists(let path, let fallback):
            if let existing = try resolve(path).value(in: item) { return existing }
            return try value(of: fallback, in: item)
        case .listAppend(let first, let second):
            guard case .l(let head) = try value(of: first, in: item), case .l(let tail) = try value(of: second, in: item)
            else { throw Self.incorrectType }
            return .l(head + tail)
        case .rejected:
            throw Self.incorrectType
        }
    }

    private func value(of placeholder: String) throws(DynamoDBError) -> AttributeValue {
        guard let value = attributes.value(of: placeholder) else {
            throw .validation(ExpressionKind.update.invalid(ExpressionIssue.undefinedValue(placeholder).message))
        }
        return value
    }

    private func resolve(_ path: DocumentPath) throws(DynamoDBError) -> DocumentPath.Resolved {
        try path.resolved(with: attributes.names, in: .update)
    }

    // MARK: ADD and DELETE

    private static func add(_ operand: AttributeValue, to current: AttributeValue) throws(DynamoDBError) -> AttributeValue {
        switch (current, operand) {
        case (.n(let existing), .n(let increment)): .n(try existing.adding(increment))
        case (.ss(let existing), .ss(let added)): .ss(union(existing, added))
        case (.ns(let existing), .ns(let added)): .ns(union(existing, added))
        case (.bs(let existing), .bs(let added)): .bs(union(existing, added))
        default: throw incorrectType
        }
    }

    /// The set left after removing `operand`'s members, or `nil` when nothing is left (the attribute goes).
    private static func delete(_ operand: AttributeValue, from current: AttributeValue) throws(DynamoDBError) -> AttributeValue? {
        switch (current, operand) {
        case (.ss(let existing), .ss(let removed)): difference(existing, removed).map(AttributeValue.ss)
        case (.ns(let existing), .ns(let removed)): difference(existing, removed).map(AttributeValue.ns)
        case (.bs(let existing), .bs(let removed)): difference(existing, removed).map(AttributeValue.bs)
        default: throw incorrectType
        }
    }

    private static func union<Member: Hashable>(_ existing: [Member], _ added: [Member]) -> [Member] {
        var seen = Set(existing)
        return existing + added.filter { seen.insert($0).inserted }
    }

    private static func difference<Member: Hashable>(_ existing: [Member], _ removed: [Member]) -> [Member]? {
        let removedSet = Set(removed)
        let remaining = existing.filter { !removedSet.contains($0) }
        return remaining.isEmpty ? nil : remaining
    }

    // MARK: Writing paths

    static func assign(
        _ value: AttributeValue, at path: DocumentPath.Resolved, in item: inout DynamoItem,
        undo: inout UpdateUndoLog
    ) throws(DynamoDBError) {
        let name = path.attributeName
        guard path.elements.count > 1 else {
            undo.record(name, previous: item.updateValue(value, forKey: name), current: value)
            return
        }
        guard var root = item[name] else { throw invalidPath }
        try assign(value, at: path.elements.dropFirst(), in: &root)
        undo.record(name, previous: item.updateValue(root, forKey: name), current: root)
    }

    private static func assign(
        _ value: AttributeValue, at path: ArraySlice<DocumentPath.Resolved.Element>, in container: inout AttributeValue
    ) throws(DynamoDBError) {
        let rest = path.dropFirst()
        switch (path.first!, container) {
        case (.name(let name), .m(var map)):
            if rest.isEmpty {
                map[name] = value
            } else {
                guard var child = map[name] else { throw invalidPath }
                try assign(value, at: rest, in: &child)
                map[name] = child
            }
            container = .m(map)
        case (.index(let index), .l(var list)):
            if rest.isEmpty {
                if index < list.count { list[index] = value } else { list.append(value) }
            } else {
                guard index < list.count else { throw invalidPath }
                try assign(value, at: rest, in: &list[index])
            }
            container = .l(list)
        default:
            throw invalidPath
        }
    }

    static func remove(
        at path: DocumentPath.Resolved, in item: inout DynamoItem, undo: inout UpdateUndoLog
    ) throws(DynamoDBError) {
        let name = path.attributeName
        guard path.elements.count > 1 else {
            undo.record(name, previous: item.removeValue(forKey: name), current: nil)
            return
        }
        guard var root = item[name] else { throw invalidPath }
        try remove(at: path.elements.dropFirst(), in: &root)
        undo.record(name, previous: item.updateValue(root, forKey: name), current: root)
    }

    private static func remove(at path: ArraySlice<DocumentPath.Resolved.Element>, in container: inout AttributeValue)
        throws(DynamoDBError)
    {
        let rest = path.dropFirst()
        switch (path.first!, container) {
        case (.name(let name), .m(var map)):
            if rest.isEmpty {
                map.removeValue(forKey: name)
            } else {
                guard var child = map[name] else { throw invalidPath }
                try remove(at: rest, in: &child)
                map[name] = child
            }
            container = .m(map)
        case (.index(let index), .l(var list)):
            if rest.isEmpty {
                if index < list.count { list.remove(at: index) }
            } else {
                guard index < list.count else { throw invalidPath }
                try remove(at: rest, in: &list[index])
            }
            container = .l(list)
        default:
            throw invalidPath
        }
    }
}
