import SoswCore

/// An item (or index image) as a store holds it, with its size as DynamoDB counts it. The size is computed once
/// when the item is written: every read needs it (the 1 MB page, read units) and recounting a dictionary on
/// every visit was the largest cost of a range Query.
///
/// A class: the table's store and each ALL-projection index hold the same stored item, and a request passes it
/// along several times; each copy of a reference is counted once, where a struct of three counted three.
///
/// Unchecked `Sendable`: the attributes and filing change only through ``takeAttributes()``,
/// ``restoreAttributes(_:)`` and ``refile(_:_:)``, under the fake's lock, while nothing else is reading the item
/// (see ``InMemoryDynamoDBState/planUpdate(shape:key:at:attributes:returnOnFailure:inPlace:)``).
final class StoredItem: @unchecked Sendable {
    /// Read on every visit of a Query: no dynamic exclusivity check (the handover never overlaps a read).
    @exclusivity(unchecked) private(set) var attributes: DynamoItem
    @exclusivity(unchecked) private(set) var filing: Filing

    /// How big the item is and where its table's indexes file it: its key in each secondary index, worked out
    /// when the item is checked for writing. The write files it under them, and the next write of the item finds
    /// its old index entries without encoding their keys again. Every item a table stores has them; index images
    /// have none.
    struct Filing {
        let size: Int
        /// The first index's key is held apart: most tables have one index, and an array for its key alone was
        /// an allocation per write.
        private let firstIndexKey: IndexKey?
        private let laterIndexKeys: [IndexKey?]
        /// Bit `ordinal` set when the item is in that index: asking an optional key whether it is there copied it.
        private let indexMembership: UInt64

        /// - Parameters:
        ///   - firstIndexKey: the item's key in the table's first index, if it has one and the item is in it.
        ///   - laterIndexKeys: its keys in the other indexes, in order (empty for a table with at most one index).
        init(size: Int, firstIndexKey: IndexKey?, laterIndexKeys: [IndexKey?]) {
            var membership: UInt64 = firstIndexKey == nil ? 0 : 1
            for (position, key) in laterIndexKeys.enumerated() where key != nil {
                membership |= 1 << UInt64(position + 1)
            }
            self.size = size
            self.firstIndexKey = firstIndexKey
            self.laterIndexKeys = laterIndexKeys
            self.indexMembership = membership
        }

        /// Whether the item is in the index at `ordinal` of its table (a sparse index leaves items out).
        func hasIndexKey(in ordinal: Int) -> Bool {
            indexMembership & (1 << UInt64(ordinal)) != 0
        }

        /// Whether this filing and `other`, both in the index at `ordinal`, have the same key there.
        func hasSameIndexKey(as other: Filing, in ordinal: Int) -> Bool {
            ordinal == 0
                ? firstIndexKey == other.firstIndexKey
                : laterIndexKeys[ordinal - 1] == other.laterIndexKeys[ordinal - 1]
        }

        /// The item's key in the index at `ordinal` of its table; nil when a sparse index leaves it out.
        func indexKey(in ordinal: Int) -> IndexKey? {
            ordinal == 0 ? firstIndexKey : laterIndexKeys[ordinal - 1]
        }
    }

    /// An index image or a returned item: in no index.
    init(_ attributes: DynamoItem) {
        self.attributes = attributes
        self.filing = Filing(size: dynamoItemSize(attributes), firstIndexKey: nil, laterIndexKeys: [])
    }

    init(_ attributes: DynamoItem, filing: Filing) {
        self.attributes = attributes
        self.filing = filing
    }

    var size: Int { filing.size }

    /// Hands the attributes over, leaving the item empty: an update that replaces this item then changes the
    /// dictionary in place instead of copying it (it is the only holder unless a caller still has an earlier
    /// response). Only for an item about to be changed, which nothing reads until it is: on failure the update
    /// hands them back with ``restoreAttributes(_:)``, on success with ``refile(_:_:)``.
    func takeAttributes() -> DynamoItem {
        var taken: DynamoItem = [:]
        swap(&taken, &attributes)
        return taken
    }

    func restoreAttributes(_ restored: DynamoItem) {
        attributes = restored
    }

    /// Makes this item the update of itself that `attributes` and `filing` describe, and returns how it was filed
    /// before (what the table moves its index entries from, ``StoredTable/refile(_:previously:)``). The stores
    /// keep holding this same object: no new item is allocated, and the table's entry needs no write.
    func refile(_ attributes: DynamoItem, _ filing: Filing) -> Filing {
        self.attributes = attributes
        var previous = filing
        swap(&previous, &self.filing)
        return previous
    }

    /// Whether the item is in the index at `ordinal` of its table (a sparse index leaves items out).
    func hasIndexKey(in ordinal: Int) -> Bool {
        filing.hasIndexKey(in: ordinal)
    }

    /// Whether this item and `other`, both in the index at `ordinal`, have the same key there.
    func hasSameIndexKey(as other: StoredItem, in ordinal: Int) -> Bool {
        filing.hasSameIndexKey(as: other.filing, in: ordinal)
    }

    /// The item's key in the index at `ordinal` of its table; nil when a sparse index leaves it out.
    func indexKey(in ordinal: Int) -> IndexKey? {
        filing.indexKey(in: ordinal)
    }
}
