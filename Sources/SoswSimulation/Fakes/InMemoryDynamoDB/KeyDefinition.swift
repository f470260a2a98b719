import SoswCore

/// The primary key of a table or index: its partition attribute and optional sort attribute, with their types.
struct KeyDefinition: Sendable, Equatable {
    var partitionName: String
    var partitionType: ScalarAttributeType
    var sortName: String?
    var sortType: ScalarAttributeType?

    var attributeNames: [String] {
        [partitionName] + (sortName.map { [$0] } ?? [])
    }

    /// How many attributes the key has (1 or 2), without building ``attributeNames``.
    var attributeCount: Int { sortName == nil ? 1 : 2 }

    var keySchema: [KeySchemaElement] {
        var schema = [KeySchemaElement(attributeName: partitionName, keyType: .hash)]
        if let sortName { schema.append(KeySchemaElement(attributeName: sortName, keyType: .range)) }
        return schema
    }

    func contains(_ name: String) -> Bool {
        name == partitionName || name == sortName
    }

    /// The item's position under this key, or nil when the item lacks a key attribute or holds it with another
    /// type (how a sparse index leaves items out).
    func scalars(of item: DynamoItem) -> (partition: KeyScalar, sort: KeyScalar?)? {
        guard let partitionValue = item[partitionName], Self.has(partitionValue, partitionType),
            let partition = KeyScalar(partitionValue)
        else { return nil }
        guard let sortName, let sortType else { return (partition, nil) }
        guard let sortValue = item[sortName], Self.has(sortValue, sortType), let sort = KeyScalar(sortValue)
        else { return nil }
        return (partition, sort)
    }

    /// The item's partition and sort key values; nil when it lacks a key attribute or holds one with another
    /// type.
    func values(of item: DynamoItem) -> (partition: AttributeValue, sort: AttributeValue?)? {
        let (partitionValue, sortValue) = keyValues(of: item)
        guard let partitionValue, Self.has(partitionValue, partitionType) else { return nil }
        guard let sortType else { return (partitionValue, nil) }
        guard let sortValue, Self.has(sortValue, sortType) else { return nil }
        return (partitionValue, sortValue)
    }

    /// The item's partition and sort key values, unchecked. A request's `Key` holds one or two attributes:
    /// comparing their names with the key's costs less than hashing the key's names to look them up, which
    /// larger items need.
    private func keyValues(of item: DynamoItem) -> (partition: AttributeValue?, sort: AttributeValue?) {
        guard item.count <= 2 else { return (item[partitionName], sortName.flatMap { item[$0] }) }
        var partition: AttributeValue?
        var sort: AttributeValue?
        for (name, value) in item {
            if name == partitionName {
                partition = value
            } else if name == sortName {
                sort = value
            }
        }
        return (partition, sort)
    }

    /// Whether a value is of a key attribute type.
    static func has(_ value: AttributeValue, _ type: ScalarAttributeType) -> Bool {
        switch (value, type) {
        case (.s, .string), (.n, .number), (.b, .binary): true
        default: false
        }
    }

    /// Copies the key attributes `item` has into `key`.
    func copyKeyAttributes(of item: DynamoItem, into key: inout DynamoItem) {
        key[partitionName] = item[partitionName]
        if let sortName {
            key[sortName] = item[sortName]
        }
    }
}
