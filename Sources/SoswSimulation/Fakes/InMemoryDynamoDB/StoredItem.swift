import SoswCore

/// An item (or index image) as a store holds it, with its size as DynamoDB counts it. The size is computed once
/// when the item is written: every read needs it (the 1 MB page, read units) and recounting a dictionary on
/// every visit was the largest cost of a range Query.
///
/// A class: the table's store and each ALL-projection index hold the same stored item, and a request passes it
/// along several times; each copy of a reference is counted once, where a struct of three counted three.
final class StoredItem: Sendable {
    let attributes: DynamoItem
    let size: Int
    /// The item's key in each secondary index of its table (by ordinal; nil where a sparse index leaves it out),
    /// worked out when the item is checked for writing: the write files it under them, and the next write of
    /// the item finds its old index entries without encoding their keys again. Every item a table stores has
    /// them; index images have none.
    let indexKeys: [IndexKey?]

    init(_ attributes: DynamoItem) {
        self.attributes = attributes
        self.size = dynamoItemSize(attributes)
        self.indexKeys = []
    }

    init(_ attributes: DynamoItem, size: Int, indexKeys: [IndexKey?]) {
        self.attributes = attributes
        self.size = size
        self.indexKeys = indexKeys
    }
}
