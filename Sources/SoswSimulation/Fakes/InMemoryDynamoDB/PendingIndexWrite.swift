import SoswCore

/// A write a lagging global index has not reflected yet: at `visibleAt` (time since the fake was created) the
/// index drops the entry at `removing` and adds `adding`. Ordered by time, then by the order of the writes.
struct PendingIndexWrite: Comparable, Sendable {
    var visibleAt: Duration
    var sequence: UInt64
    /// The index's position in its table's list of indexes.
    var indexOrdinal: Int
    var removing: IndexKey?
    var adding: (key: IndexKey, image: StoredItem)?

    static func < (lhs: PendingIndexWrite, rhs: PendingIndexWrite) -> Bool {
        (lhs.visibleAt, lhs.sequence) < (rhs.visibleAt, rhs.sequence)
    }

    static func == (lhs: PendingIndexWrite, rhs: PendingIndexWrite) -> Bool {
        lhs.visibleAt == rhs.visibleAt && lhs.sequence == rhs.sequence
    }
}
