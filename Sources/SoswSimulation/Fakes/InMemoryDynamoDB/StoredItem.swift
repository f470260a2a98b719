import SoswCore

/// An item (or index image) as a store holds it, with its size as DynamoDB counts it. The size is computed once
/// when the item is written: every read needs it (the 1 MB page, read units) and recounting a dictionary on
/// every visit was the largest cost of a range Query.
struct StoredItem: Sendable {
    var attributes: DynamoItem
    var size: Int
    /// The item's key in each secondary index of its table (by ordinal; nil where a sparse index leaves it out),
    /// set when the table stores it: the next write of the item finds its old index entries without encoding
    /// their keys again. Empty for an item not stored yet, and in index images.
    var indexKeys: [IndexKey?] = []

    init(_ attributes: DynamoItem) {
        self.attributes = attributes
        self.size = dynamoItemSize(attributes)
    }

    init(_ attributes: DynamoItem, size: Int) {
        self.attributes = attributes
        self.size = size
    }
}
