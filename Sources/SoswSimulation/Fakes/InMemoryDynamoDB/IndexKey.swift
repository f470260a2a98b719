import SoswCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an entry sits in an ordered store: the partition key, then the sort key, then — in a secondary index,
/// where index keys need not be unique — the table's primary key to tell entries apart. Missing parts sort
/// first. All entries of one partition are contiguous, so a Query is a binary search and a walk.
///
/// Held as one byte string whose byte order is DynamoDB's key order (see ``KeyEncoding``): comparing two keys
/// is a `memcmp`, copying one is a single retain, and a range bound is a byte string too. Four separate key
/// values cost a retain each per copy and a type switch per comparison, and the stores copy and compare keys
/// dozens of times per request.
struct IndexKey: Hashable, Comparable, Sendable {
    /// Four encoded components: partition, sort, table partition, table sort (a missing one is one byte).
    private(set) var bytes: [UInt8]

    init(partition: KeyScalar, sort: KeyScalar?, tablePartition: KeyScalar? = nil, tableSort: KeyScalar? = nil) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        KeyEncoding.append(partition, to: &bytes)
        KeyEncoding.append(sort, to: &bytes)
        KeyEncoding.append(tablePartition, to: &bytes)
        KeyEncoding.append(tableSort, to: &bytes)
        self.bytes = bytes
    }

    /// The position of an item (or a request's key) in its table; nil when it lacks a valid key.
    init?(item: DynamoItem, tableKey: KeyDefinition) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48)
        guard tableKey.appendEncodedKey(of: item, to: &bytes) else { return nil }
        bytes.append(KeyEncoding.missing)
        bytes.append(KeyEncoding.missing)
        self.bytes = bytes
    }

    /// The position of an item in a secondary index; nil when it lacks the index key (a sparse index leaves it
    /// out) or the table key.
    init?(item: DynamoItem, indexKey: KeyDefinition, tableKey: KeyDefinition) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        guard indexKey.appendEncodedKey(of: item, to: &bytes), tableKey.appendEncodedKey(of: item, to: &bytes)
        else { return nil }
        self.bytes = bytes
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A bound for a binary search: not a key of any item, only compared with keys.
    static func bound(_ bytes: [UInt8]) -> IndexKey {
        IndexKey(bytes: bytes)
    }

    /// The encoded partition component, to tell whether two keys are in the same partition.
    var partitionBytes: ArraySlice<UInt8> {
        bytes[..<KeyEncoding.endOfComponent(in: bytes, from: 0)]
    }

    /// Whether the partition component is an empty string or binary, which no stored key may have.
    var hasEmptyPartition: Bool {
        KeyEncoding.isEmptyStringOrBinary(bytes, at: 0)
    }

    /// Whether the sort component is an empty string or binary.
    var hasEmptySort: Bool {
        KeyEncoding.isEmptyStringOrBinary(bytes, at: KeyEncoding.endOfComponent(in: bytes, from: 0))
    }

    /// The partition key value (decoded; for the rare reads that need the value itself).
    var partition: KeyScalar {
        KeyEncoding.decode(bytes, at: 0)!
    }

    /// The table's primary key of an index entry: its last two components moved to the front.
    var tableKey: IndexKey {
        let afterPartition = KeyEncoding.endOfComponent(in: bytes, from: 0)
        let afterSort = KeyEncoding.endOfComponent(in: bytes, from: afterPartition)
        var table = Array(bytes[afterSort...])
        table.append(KeyEncoding.missing)
        table.append(KeyEncoding.missing)
        return IndexKey(bytes: table)
    }

    static func < (lhs: IndexKey, rhs: IndexKey) -> Bool {
        compare(lhs.bytes, rhs.bytes) < 0
    }

    static func == (lhs: IndexKey, rhs: IndexKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && compare(lhs.bytes, rhs.bytes) == 0
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs`, by unsigned bytes.
    private static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int32 {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                let common = Swift.min(left.count, right.count)
                if common > 0 {
                    let order = memcmp(left.baseAddress!, right.baseAddress!, common)
                    if order != 0 { return order }
                }
                return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
            }
        }
    }
}
