import SoswCore

/// A secondary index of a table: its key, whether it is global, and which attributes it copies.
struct IndexDefinition: Sendable, Equatable {
    var name: String
    var isGlobal: Bool
    var key: KeyDefinition
    var projection: Projection
    var provisionedThroughput: ProvisionedThroughput?

    var projectionType: ProjectionType { projection.projectionType ?? .keysOnly }

    /// What this index holds of `item`: its projected attributes. An ALL projection is the item itself, whose
    /// size is already known.
    func image(of item: StoredItem, tableKey: KeyDefinition) -> StoredItem {
        projectionType == .all ? item : StoredItem(projected(item.attributes, tableKey: tableKey))
    }

    func projected(_ item: DynamoItem, tableKey: KeyDefinition) -> DynamoItem {
        switch projectionType {
        case .all:
            return item
        case .keysOnly, .include:
            var image: DynamoItem = [:]
            for name in tableKey.attributeNames + key.attributeNames {
                image[name] = item[name]
            }
            if projectionType == .include {
                for name in projection.nonKeyAttributes ?? [] {
                    image[name] = item[name]
                }
            }
            return image
        }
    }

    /// Whether an attribute is copied into the index.
    func projects(_ attribute: String, tableKey: KeyDefinition) -> Bool {
        switch projectionType {
        case .all: true
        case .keysOnly: tableKey.contains(attribute) || key.contains(attribute)
        case .include:
            tableKey.contains(attribute) || key.contains(attribute)
                || (projection.nonKeyAttributes ?? []).contains(attribute)
        }
    }
}
