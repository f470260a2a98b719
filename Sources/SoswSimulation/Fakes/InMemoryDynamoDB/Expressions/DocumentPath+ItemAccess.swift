import SoswCore

extension DocumentPath {
    /// The value at this path in `item`, binding placeholders through `names` as it walks (no intermediate path
    /// is built: this runs for every item a filter sees). `nil` when any step is missing or of the wrong type.
    func value(in item: DynamoItem, names: [String: String]?) throws(UndefinedPlaceholder) -> AttributeValue? {
        // Most paths are one top-level attribute (sosw's `greenfield < :x`): no walk for them.
        if elements.count == 1, case .name(let name) = elements[0] { return item[name] }
        var current: AttributeValue?
        for (position, element) in elements.enumerated() {
            switch element {
            case .name(let name):
                current = Self.step(current, into: name, item: item, isFirst: position == 0)
            case .placeholder(let placeholder):
                guard let name = names?[placeholder] else { throw UndefinedPlaceholder(name: placeholder) }
                current = Self.step(current, into: name, item: item, isFirst: position == 0)
            case .index(let index):
                guard case .l(let list)? = current, index < list.count else { return nil }
                current = list[index]
            }
            if current == nil { return nil }
        }
        return current
    }

    private static func step(_ current: AttributeValue?, into name: String, item: DynamoItem, isFirst: Bool)
        -> AttributeValue?
    {
        if isFirst { return item[name] }
        guard case .m(let map)? = current else { return nil }
        return map[name]
    }
}

extension DocumentPath.Resolved {
    /// The value at this path in `item`, or `nil` when any step is missing or of the wrong type.
    func value(in item: DynamoItem) -> AttributeValue? {
        var current: AttributeValue? = item[attributeName]
        for element in elements.dropFirst() {
            switch (element, current) {
            case (.name(let name), .m(let map)?): current = map[name]
            case (.index(let index), .l(let list)?): current = index < list.count ? list[index] : nil
            default: return nil
            }
            if current == nil { return nil }
        }
        return current
    }
}
