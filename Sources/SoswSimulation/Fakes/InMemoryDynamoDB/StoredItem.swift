import SoswCore

/// An item (or index image) as a store holds it, with its size as DynamoDB counts it. The size is computed once
/// when the item is written: every read needs it (the 1 MB page, read units) and recounting a dictionary on
/// every visit was the largest cost of a range Query.
///
/// A class: the table's store and each ALL-projection index hold the same stored item, and a request passes it
/// along several times; each copy of a reference is counted once, where a struct of three counted three.
///
/// Unchecked `Sendable`: the attributes change only through ``takeAttributes()`` and ``restoreAttributes(_:)``,
/// under the fake's lock, while nothing else is reading the item (see ``InMemoryDynamoDBState/planUpdate(shape:key:at:attributes:returnOnFailure:inPlace:)``).
final class StoredItem: @unchecked Sendable {
    /// Read on every visit of a Query: no dynamic exclusivity check (the handover never overlaps a read).
    @exclusivity(unchecked) private(set) var attributes: DynamoItem
    let size: Int
    /// The item's key in each secondary index of its table (``indexKey(in:)``), worked out when the item is
    /// checked for writing: the write files it under them, and the next write of the item finds its old index
    /// entries without encoding their keys again. Every item a table stores has them; index images have none.
    /// The first index's key is held apart: most tables have one index, and an array for its key alone was an
    /// allocation per write.
    private let firstIndexKey: IndexKey?
    private let laterIndexKeys: [IndexKey?]
    /// Bit `ordinal` set when the item is in that index: asking an optional key whether it is there copied it.
    private let indexMembership: UInt64

    init(_ attributes: DynamoItem) {
        self.attributes = attributes
        self.size = dynamoItemSize(attributes)
        self.firstIndexKey = nil
        self.laterIndexKeys = []
        self.indexMembership = 0
    }

    /// - Parameters:
    ///   - firstIndexKey: the item's key in the table's first index, if it has one and the item is in it.
    ///   - laterIndexKeys: its keys in the other indexes, in order (empty for a table with at most one index).
    init(_ attributes: DynamoItem, size: Int, firstIndexKey: IndexKey?, laterIndexKeys: [IndexKey?]) {
        self.attributes = attributes
        self.size = size
        var membership: UInt64 = firstIndexKey == nil ? 0 : 1
        for (position, key) in laterIndexKeys.enumerated() where key != nil {
            membership |= 1 << UInt64(position + 1)
        }
        self.firstIndexKey = firstIndexKey
        self.laterIndexKeys = laterIndexKeys
        self.indexMembership = membership
    }

    /// Hands the attributes over, leaving the item empty: an update that replaces this item then changes the
    /// dictionary in place instead of copying it (it is the only holder unless a caller still has an earlier
    /// response). Only for an item about to be replaced, which nothing reads until it is: on failure the update
    /// hands them back with ``restoreAttributes(_:)``.
    func takeAttributes() -> DynamoItem {
        var taken: DynamoItem = [:]
        swap(&taken, &attributes)
        return taken
    }

    func restoreAttributes(_ restored: DynamoItem) {
        attributes = restored
    }

    /// Whether the item is in the index at `ordinal` of its table (a sparse index leaves items out).
    func hasIndexKey(in ordinal: Int) -> Bool {
        indexMembership & (1 << UInt64(ordinal)) != 0
    }

    /// Whether this item and `other`, both in the index at `ordinal`, have the same key there.
    func hasSameIndexKey(as other: StoredItem, in ordinal: Int) -> Bool {
        ordinal == 0
            ? firstIndexKey == other.firstIndexKey
            : laterIndexKeys[ordinal - 1] == other.laterIndexKeys[ordinal - 1]
    }

    /// The item's key in the index at `ordinal` of its table; nil when a sparse index leaves it out.
    func indexKey(in ordinal: Int) -> IndexKey? {
        ordinal == 0 ? firstIndexKey : laterIndexKeys[ordinal - 1]
    }
}
