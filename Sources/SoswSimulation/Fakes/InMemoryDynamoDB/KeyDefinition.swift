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

    /// Appends the item's partition and sort components (``KeyEncoding``; a missing sort key for a key without
    /// one); false, leaving `bytes` unusable, when the item lacks a key attribute or holds one with another type.
    func appendEncodedKey(of item: DynamoItem, to bytes: inout [UInt8]) -> Bool {
        guard let partitionValue = item[partitionName], Self.has(partitionValue, partitionType) else { return false }
        KeyEncoding.append(partitionValue, to: &bytes)
        guard let sortName, let sortType else {
            bytes.append(KeyEncoding.missing)
            return true
        }
        guard let sortValue = item[sortName], Self.has(sortValue, sortType) else { return false }
        KeyEncoding.append(sortValue, to: &bytes)
        return true
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
