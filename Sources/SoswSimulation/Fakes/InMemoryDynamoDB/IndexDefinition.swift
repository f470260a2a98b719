import SoswCore

/// A secondary index of a table: its key, whether it is global, and which attributes it copies.
///
/// A class: every write and read of an indexed table passes its indexes around, and copying a struct of five
/// strings and arrays cost a dozen reference counts each time.
final class IndexDefinition: Sendable {
    let name: String
    let isGlobal: Bool
    let key: KeyDefinition
    let projection: Projection
    let provisionedThroughput: ProvisionedThroughput?
    let projectionType: ProjectionType

    init(
        name: String, isGlobal: Bool, key: KeyDefinition, projection: Projection,
        provisionedThroughput: ProvisionedThroughput?
    ) {
        self.name = name
        self.isGlobal = isGlobal
        self.key = key
        self.projection = projection
        self.provisionedThroughput = provisionedThroughput
        self.projectionType = projection.projectionType ?? .keysOnly
    }

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
