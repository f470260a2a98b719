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
///
/// The first 32 bytes are also kept inline as four big-endian words (zero-padded): most comparisons are decided
/// there without following the array to its storage, and a binary search over a million keys was bound by
/// those memory loads. 32 bytes hold a typical partition and numeric sort key whole.
struct IndexKey: Hashable, Comparable, Sendable {
    /// Four encoded components: partition, sort, table partition, table sort (a missing one is one byte).
    let bytes: [UInt8]
    private let head0: UInt64
    private let head1: UInt64
    private let head2: UInt64
    private let head3: UInt64
    private static let headBytes = 32

    init(partition: KeyScalar, sort: KeyScalar?, tablePartition: KeyScalar? = nil, tableSort: KeyScalar? = nil) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        KeyEncoding.append(partition, to: &bytes)
        KeyEncoding.append(sort, to: &bytes)
        KeyEncoding.append(tablePartition, to: &bytes)
        KeyEncoding.append(tableSort, to: &bytes)
        self.init(bytes: bytes)
    }

    /// The position of an item (or a request's key) in its table; nil when it lacks a valid key.
    init?(item: DynamoItem, tableKey: KeyDefinition) {
        guard let (partition, sort) = tableKey.values(of: item) else { return nil }
        self.init(partition: partition, sort: sort)
    }

    /// The position of an item in its table from its key values, already checked against the schema.
    init(partition: AttributeValue, sort: AttributeValue?) {
        self.init(count: Self.count(partition, sort)) { Self.write(partition, sort, to: $0) }
    }

    /// The same, encoded in `buffer`, whose storage the key then shares: once the key is gone the buffer is the
    /// only holder again and the next key is encoded in place. A request's key that only finds an item (most
    /// do) thus costs no allocation; one that the table comes to store keeps the storage, and the buffer gets
    /// new storage with its next key.
    init(partition: AttributeValue, sort: AttributeValue?, reusing buffer: inout [UInt8]) {
        KeyEncoding.bytes(count: Self.count(partition, sort), reusing: &buffer) { Self.write(partition, sort, to: $0) }
        self.init(bytes: buffer)
    }

    private static func count(_ partition: AttributeValue, _ sort: AttributeValue?) -> Int {
        KeyEncoding.encodedCount(of: partition) + KeyEncoding.encodedCount(of: sort) + 2
    }

    private static func write(
        _ partition: AttributeValue, _ sort: AttributeValue?, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        let afterSort = KeyEncoding.write(sort, to: KeyEncoding.write(partition, to: out))
        let afterTablePartition = KeyEncoding.write(byte: KeyEncoding.missing, to: afterSort)
        return KeyEncoding.write(byte: KeyEncoding.missing, to: afterTablePartition)
    }

    /// The position in a secondary index of the item at `primaryKey`, from its index key values (already
    /// checked against the index's schema); the table part is copied rather than encoded again.
    init(index partition: AttributeValue, sort: AttributeValue?, primaryKey: IndexKey) {
        let tableBytes = primaryKey.bytes.count - 2
        let count = KeyEncoding.encodedCount(of: partition) + KeyEncoding.encodedCount(of: sort) + tableBytes
        self.init(count: count) { out in
            let afterSort = KeyEncoding.write(sort, to: KeyEncoding.write(partition, to: out))
            return KeyEncoding.copy(primaryKey.bytes, 0..<tableBytes, to: afterSort)
        }
    }

    /// `key` (a position in a secondary index) with another sort key value: the partition and table components
    /// are copied, not encoded again. An update that moves an item within its partition (sosw's greenfield
    /// changes) keys it so.
    init(_ key: IndexKey, replacingSortWith sort: AttributeValue) {
        let sortStart = KeyEncoding.endOfComponent(in: key.bytes, from: 0)
        let sortEnd = KeyEncoding.endOfComponent(in: key.bytes, from: sortStart)
        let count = key.bytes.count - (sortEnd - sortStart) + KeyEncoding.encodedCount(of: sort)
        self.init(count: count) { out in
            let afterSort = KeyEncoding.write(sort, to: KeyEncoding.copy(key.bytes, 0..<sortStart, to: out))
            return KeyEncoding.copy(key.bytes, sortEnd..<key.bytes.count, to: afterSort)
        }
    }

    /// A key of `count` bytes, which `write` writes from the pointer it is given, returning where they end.
    @inline(__always)
    private init(count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) {
        self.init(bytes: KeyEncoding.bytes(count: count, write))
    }

    private init(bytes: [UInt8]) {
        var head: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &head) { raw in
            bytes.withUnsafeBytes { source in
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(Self.headBytes)))
            }
        }
        self.bytes = bytes
        self.head0 = UInt64(bigEndian: head.0)
        self.head1 = UInt64(bigEndian: head.1)
        self.head2 = UInt64(bigEndian: head.2)
        self.head3 = UInt64(bigEndian: head.3)
    }

    /// How many values ``prefixSlot`` takes.
    static let prefixSlots = 64

    /// A number below ``prefixSlots`` that depends only on the key's first 16 bytes (its partition, or the start
    /// of it, and often the start of its sort key): an ordered store keeps where the last search for a key of
    /// each slot landed (see ``OrderedStore``).
    var prefixSlot: Int {
        Int(truncatingIfNeeded: ((head0 ^ head1.byteSwapped) &* 0x9E37_79B9_7F4A_7C15) >> 58)
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

    @inline(__always)
    static func < (lhs: IndexKey, rhs: IndexKey) -> Bool {
        if lhs.head0 != rhs.head0 { return lhs.head0 < rhs.head0 }
        if lhs.head1 != rhs.head1 { return lhs.head1 < rhs.head1 }
        if lhs.head2 != rhs.head2 { return lhs.head2 < rhs.head2 }
        if lhs.head3 != rhs.head3 { return lhs.head3 < rhs.head3 }
        // The heads agree: two short keys differ only in length (the shorter is a prefix); otherwise compare all.
        if lhs.bytes.count <= headBytes, rhs.bytes.count <= headBytes { return lhs.bytes.count < rhs.bytes.count }
        return compare(lhs.bytes, rhs.bytes) < 0
    }

    /// Whether this key comes after `key` (or is it, with `orEqual`): the test of every search in an ordered
    /// store, false for the keys before the position sought and true from it on.
    @inline(__always)
    func follows(_ key: IndexKey, orEqual: Bool) -> Bool {
        orEqual ? !(self < key) : key < self
    }

    // The other comparisons spelled out, so that a search's predicate inlines them (the protocol's defaults
    // reached `<` through the conformance's witness, a call per key compared).
    @inline(__always)
    static func >= (lhs: IndexKey, rhs: IndexKey) -> Bool { !(lhs < rhs) }

    @inline(__always)
    static func > (lhs: IndexKey, rhs: IndexKey) -> Bool { rhs < lhs }

    @inline(__always)
    static func <= (lhs: IndexKey, rhs: IndexKey) -> Bool { !(rhs < lhs) }

    @inline(__always)
    static func == (lhs: IndexKey, rhs: IndexKey) -> Bool {
        lhs.head0 == rhs.head0 && lhs.head1 == rhs.head1 && lhs.head2 == rhs.head2 && lhs.head3 == rhs.head3
            && lhs.bytes.count == rhs.bytes.count
            && (lhs.bytes.count <= headBytes || compare(lhs.bytes, rhs.bytes) == 0)
    }

    /// The bytes in one call (an array's own hashing feeds the hasher a byte at a time).
    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
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
