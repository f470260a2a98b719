import Collections
import SoswCore

/// One table of the fake: its definition, its items in key order, one ordered store per secondary index, and
/// the index writes still in flight when a global index is configured to lag.
///
/// A class: a table is only ever reached through the fake's lock, and every request looked it up by copying a
/// struct of a dozen references (a retain and release each), which cost more than the write itself.
final class StoredTable {
    let name: String
    let key: KeyDefinition
    let attributeDefinitions: [AttributeDefinition]
    let globalIndexes: [IndexDefinition]
    let localIndexes: [IndexDefinition]
    /// The global indexes, then the local ones: kept rather than concatenated on every write.
    let indexes: [IndexDefinition]
    /// The global indexes' names, which throttling checks on every write.
    let globalIndexNames: [String]
    let billingMode: BillingMode
    let provisionedThroughput: ProvisionedThroughput?
    let arn: String

    // The mutable state below is touched only under the fake's lock (see the type's comment), one request at a
    // time, and each access is one call that never reaches back into the table: no two accesses can overlap.
    // The runtime's dynamic exclusivity check (a thread-local set insertion and removal around every access, 2%
    // of a put) is therefore turned off for these properties.
    @exclusivity(unchecked) private(set) var items = OrderedStore<StoredItem>()
    /// One store per index, in the order of ``indexes`` (an index's ordinal is its position there).
    @exclusivity(unchecked) private var indexStores: [OrderedStore<StoredItem>]
    @exclusivity(unchecked) private(set) var sizeBytes = 0
    @exclusivity(unchecked) private var indexSizeBytes: [Int]
    @exclusivity(unchecked) private var pendingIndexWrites = Heap<PendingIndexWrite>()
    /// The latest time an in-flight write of each item becomes visible in each index (by ordinal): later writes
    /// of the same item never overtake earlier ones.
    @exclusivity(unchecked) private var latestVisibility: [[IndexKey: Duration]]
    @exclusivity(unchecked) private var nextSequence: UInt64 = 0
    /// Where ``primaryKey(of:)`` encodes request keys.
    @exclusivity(unchecked) private var keyBuffer: [UInt8] = []

    init(
        name: String, key: KeyDefinition, attributeDefinitions: [AttributeDefinition],
        globalIndexes: [IndexDefinition], localIndexes: [IndexDefinition], billingMode: BillingMode,
        provisionedThroughput: ProvisionedThroughput?, arn: String
    ) {
        self.name = name
        self.key = key
        self.attributeDefinitions = attributeDefinitions
        self.globalIndexes = globalIndexes
        self.localIndexes = localIndexes
        self.indexes = globalIndexes + localIndexes
        self.globalIndexNames = globalIndexes.map(\.name)
        self.billingMode = billingMode
        self.provisionedThroughput = provisionedThroughput
        self.arn = arn
        self.indexStores = Array(repeating: OrderedStore(), count: indexes.count)
        self.indexSizeBytes = Array(repeating: 0, count: indexes.count)
        self.latestVisibility = Array(repeating: [:], count: indexes.count)
    }

    func index(named name: String) -> IndexDefinition? {
        globalIndexes.first { $0.name == name } ?? localIndexes.first { $0.name == name }
    }

    func store(for index: IndexDefinition?) -> OrderedStore<StoredItem> {
        guard let index, let ordinal = ordinal(of: index) else { return items }
        return indexStores[ordinal]
    }

    /// The bytes an index holds, as DescribeTable reports them.
    func sizeBytes(of index: IndexDefinition) -> Int {
        ordinal(of: index).map { indexSizeBytes[$0] } ?? 0
    }

    /// The position of one of this table's indexes in ``indexes``: found by identity, as every definition a
    /// request holds is one of this table's own (``index(named:)``), without comparing names.
    private func ordinal(of index: IndexDefinition) -> Int? {
        indexes.firstIndex { $0 === index }
    }

    /// The position of an item (or key) in the table, or nil if it lacks a valid key. Encoded in a buffer the
    /// table keeps (see ``IndexKey/init(partition:sort:reusing:)``).
    func primaryKey(of item: DynamoItem) -> IndexKey? {
        guard let (partition, sort) = key.values(of: item) else { return nil }
        return IndexKey(partition: partition, sort: sort, reusing: &keyBuffer)
    }

    func item(at primaryKey: IndexKey) -> StoredItem? {
        items.value(for: primaryKey)
    }

    /// The item at `primaryKey` and a hint that lets a following ``write(at:hint:old:new:now:lag:)`` skip the
    /// search for it.
    func lookup(_ primaryKey: IndexKey) -> (item: StoredItem?, hint: OrderedStore<StoredItem>.Hint) {
        let found = items.lookup(primaryKey)
        return (found.value, found.hint)
    }

    /// Replaces (or with `new == nil` removes) the item at `primaryKey` and its index entries. With
    /// `countingIndexWrites`, returns the sizes of the index writes it caused, per index (one entry per write: a
    /// key change is a delete and a put), for the capacity a response reports; otherwise nothing, as most
    /// requests do not ask. `lag` gives an index's propagation delay for this write, or nil to apply it at once.
    func write(
        at primaryKey: IndexKey, hint: OrderedStore<StoredItem>.Hint?, old: StoredItem?, new: StoredItem?,
        now: Duration, lag: ((IndexDefinition) -> Duration?)?, countingIndexWrites: Bool
    ) -> [String: [Int]] {
        if let new {
            items.set(new, for: primaryKey, hint: hint)
        } else {
            items.remove(primaryKey, hint: hint)
        }
        sizeBytes += (new?.size ?? 0) - (old?.size ?? 0)
        var indexWrites: [String: [Int]] = [:]
        for ordinal in indexes.indices {
            // Keys first: most writes move an entry or leave it be, and only a write that keeps an entry's key
            // (or counts capacity) needs the old image to compare with.
            // Asked of the items in place: a key is copied out only where a store takes it.
            let inOld = old?.hasIndexKey(in: ordinal) ?? false
            let inNew = new?.hasIndexKey(in: ordinal) ?? false
            if !inOld && !inNew { continue }
            let index = indexes[ordinal]
            let sameKey = inOld && inNew && old!.hasSameIndexKey(as: new!, in: ordinal)
            let newImage = inNew ? index.image(of: new!, tableKey: key) : nil
            let oldImage = inOld && (sameKey || countingIndexWrites) ? index.image(of: old!, tableKey: key) : nil
            if sameKey, oldImage!.size == newImage!.size, oldImage!.attributes == newImage!.attributes {
                continue
            }
            if countingIndexWrites {
                var sizes: [Int] = []
                if sameKey {
                    sizes.append(max(oldImage!.size, newImage!.size))
                } else {
                    if let oldImage { sizes.append(oldImage.size) }
                    if let newImage { sizes.append(newImage.size) }
                }
                indexWrites[index.name] = sizes
            }
            if index.isGlobal, let delay = lag?(index) ?? inFlightDelay(ordinal, primaryKey) {
                let previous = latestVisibility[ordinal][primaryKey] ?? .zero
                let visibleAt = max(now + delay, previous)
                latestVisibility[ordinal][primaryKey] = visibleAt
                pendingIndexWrites.insert(PendingIndexWrite(
                    visibleAt: visibleAt, sequence: nextSequence, indexOrdinal: ordinal,
                    removing: old?.indexKey(in: ordinal),
                    adding: new?.indexKey(in: ordinal).map { (key: $0, image: newImage!) }))
                nextSequence += 1
            } else {
                apply(
                    removing: sameKey ? nil : old?.indexKey(in: ordinal), adding: new?.indexKey(in: ordinal),
                    image: newImage, toIndex: ordinal)
            }
        }
        return indexWrites
    }

    /// Files `item`, which an update changed in place (``StoredItem/refile(_:_:)``: the table's entry already holds
    /// it), under its new size and index keys; `previous` is how it was filed before. Only when no index lags and
    /// no index write is in flight (``InMemoryDynamoDBState/updatesInPlace(_:table:)``).
    func refile(_ item: StoredItem, previously previous: StoredItem.Filing) {
        sizeBytes += item.size - previous.size
        for ordinal in indexes.indices {
            let inOld = previous.hasIndexKey(in: ordinal)
            let inNew = item.hasIndexKey(in: ordinal)
            if !inOld && !inNew { continue }
            let index = indexes[ordinal]
            let sameKey = inOld && inNew && previous.hasSameIndexKey(as: item.filing, in: ordinal)
            guard index.projectionType == .all else {
                apply(
                    removing: sameKey ? nil : previous.indexKey(in: ordinal), adding: item.indexKey(in: ordinal),
                    image: inNew ? index.image(of: item, tableKey: key) : nil, toIndex: ordinal)
                continue
            }
            // An ALL index holds the item itself, already changed: only its entry's key and its size can move.
            if !sameKey {
                if let removing = previous.indexKey(in: ordinal) { indexStores[ordinal].remove(removing) }
                if let adding = item.indexKey(in: ordinal) { indexStores[ordinal].set(item, for: adding) }
            }
            indexSizeBytes[ordinal] += (inNew ? item.size : 0) - (inOld ? previous.size : 0)
        }
    }

    /// No delay, but a queued write, when an earlier write of the item is still in flight to the index at
    /// `ordinal` (its lag since turned off): a later write queues behind it, so that the index never goes back
    /// to an older image. Nil otherwise.
    private func inFlightDelay(_ ordinal: Int, _ primaryKey: IndexKey) -> Duration? {
        pendingIndexWrites.isEmpty ? nil : latestVisibility[ordinal][primaryKey].map { _ in .zero }
    }

    /// Whether a lagging index has writes still to reflect (they hold images of items).
    var hasPendingIndexWrites: Bool { !pendingIndexWrites.isEmpty }

    /// Applies the lagging index writes due by `now`.
    func catchUpIndexes(at now: Duration) {
        while let next = pendingIndexWrites.min, next.visibleAt <= now {
            let write = pendingIndexWrites.removeMin()
            apply(write)
            if let removing = write.removing ?? write.adding?.key {
                let primary = removing.tableKey
                if latestVisibility[write.indexOrdinal][primary] == write.visibleAt {
                    latestVisibility[write.indexOrdinal][primary] = nil
                }
            }
        }
    }

    private func apply(_ write: PendingIndexWrite) {
        apply(
            removing: write.removing, adding: write.adding?.key, image: write.adding?.image,
            toIndex: write.indexOrdinal)
    }

    /// Drops the entry at `removing` (a key the write moved the item away from) and puts `image` in place at
    /// `adding` (both or neither), replacing any entry with that key.
    private func apply(
        removing: IndexKey?, adding: consuming IndexKey?, image: consuming StoredItem?, toIndex ordinal: Int
    ) {
        var removedSize = 0
        var addedSize = 0
        if let removing, let removed = indexStores[ordinal].remove(removing) {
            removedSize = removed.size
        }
        if let adding, let image {
            if let replaced = indexStores[ordinal].set(image, for: adding) {
                removedSize += replaced.size
            }
            addedSize = image.size
        }
        indexSizeBytes[ordinal] += addedSize - removedSize
    }
}
