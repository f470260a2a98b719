/// A sorted map from keys to values kept as a list of sorted chunks of at most `chunkCapacity` entries: lookups
/// and range starts are two binary searches (O(log n)), a range walk is sequential (O(k)), and an insert moves at
/// most one chunk's entries (and seldom more than a few: see ``OrderedStoreChunk``). It is what keeps a range
/// Query at O(log n + k) with a million items.
///
/// Its keys are ``IndexKey``s, not any `Comparable`: a search compares a few dozen keys, and in generic code the
/// comparisons stayed calls through the protocol's witness, a fifth of a search.
struct OrderedStore<Value> {
    typealias Key = IndexKey

    struct Entry {
        var key: Key
        var value: Value
    }

    /// A place between or at entries: `chunk == chunks.count` is the end.
    struct Position: Comparable {
        var chunk: Int
        var offset: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.chunk, lhs.offset) < (rhs.chunk, rhs.offset)
        }
    }

    /// An insert or removal moves the entries between it and the chunk's gap (half a chunk at worst, next to
    /// nothing for writes that follow one another), and every split of a full chunk (one per C/2 inserts) or
    /// removal of an empty one moves half of the lists of chunks and of last keys: with C entries per chunk and n
    /// in all, 64·n/C² bytes per write for the lists (a chunk takes 8 bytes in one and 40 in the other), 1.2 KB
    /// per update of the benchmark with a million entries at 128. Measured at 1M items against 128, five rounds
    /// each: 64 made puts and updates 9% slower; 256 made puts 3% faster and updates 2% slower.
    static var chunkCapacity: Int { 128 }

    /// Where a key is or would go, as a lookup found it: a later write of the same key skips the search while
    /// the store has not changed shape since (`shape` counts inserts and removals).
    struct Hint {
        fileprivate var position: Position
        fileprivate var shape: UInt64
    }

    private var chunks: [OrderedStoreChunk<Value>] = []
    /// The last key of each chunk, side by side: the search for a chunk reads only this array instead of
    /// following each probed chunk to its storage (a cache miss per probe with a million entries).
    private var lastKeys: [Key] = []
    private(set) var count = 0
    private var shape: UInt64 = 0
    /// Where the last lookup or write landed. A search first checks it, and only when the key is not there
    /// searches the list of chunks: keys read or written in order (items in key order, a queue's head and
    /// tail) land in the same chunk again and again, and with a million entries that search was a third of a
    /// lookup.
    private var recent = Finger()
    /// Where the last lookup or write of a key with the same first 16 bytes landed (by ``IndexKey/prefixSlot``;
    /// keys that share a slot only make each other miss). Writes that go round several places in turn — a
    /// queue per partition, its head removed and its tail added to — each find their place here, where the one
    /// recent finger had moved on.
    private var recentByPrefix = [Finger](repeating: Finger(), count: IndexKey.prefixSlots)

    /// A place a search landed, kept for the next search to try first
    /// (see ``firstPosition(of:includingEqual:tryingFingers:)``): the next key in order is at `offset` in `chunk`
    /// or just after it (after an insert, the entry that followed the inserted one; after a removal, the one that
    /// took its place). Only a hint: every use checks it.
    private struct Finger {
        var chunk = 0
        var offset = 0
    }

    var isEmpty: Bool { count == 0 }

    var startPosition: Position { Position(chunk: 0, offset: 0) }
    var endPosition: Position { Position(chunk: chunks.count, offset: 0) }

    subscript(position: Position) -> Entry {
        chunks[position.chunk].withEntries { $0[position.offset].pointee }
    }

    /// Lends the entries from `start` on, in key order and with their positions, to `body` until it returns
    /// false or the entries run out. A chunk's storage is opened once for all its entries, and nothing is
    /// copied out: stepping entry by entry paid a bounds check and a retain of the chunk for each, and lending
    /// each entry as a borrowed value still copied its key and item. The pointer is valid only during the call.
    func walk<Failure: Error>(
        from start: Position, _ body: (UnsafePointer<Entry>, Position) throws(Failure) -> Bool
    ) throws(Failure) {
        try chunks.withUnsafeBufferPointer { chunks throws(Failure) in
            var offset = start.offset
            for chunk in start.chunk..<chunks.count {
                let goOn = try chunks[chunk].withEntries { entries throws(Failure) -> Bool in
                    while offset < entries.count {
                        guard try body(entries[offset], Position(chunk: chunk, offset: offset)) else {
                            return false
                        }
                        offset += 1
                    }
                    return true
                }
                guard goOn else { return }
                offset = 0
            }
        }
    }

    /// Lends the entries before `end`, in descending key order and with their positions, to `body` until it
    /// returns false or the entries run out (see ``walk(from:_:)``).
    func walkBackward<Failure: Error>(
        before end: Position, _ body: (UnsafePointer<Entry>, Position) throws(Failure) -> Bool
    ) throws(Failure) {
        try chunks.withUnsafeBufferPointer { chunks throws(Failure) in
            var chunk = end.chunk
            var offset = end.offset
            if chunk == chunks.count { (chunk, offset) = (chunk - 1, chunks.last?.count ?? 0) }
            while chunk >= 0 {
                let goOn = try chunks[chunk].withEntries { entries throws(Failure) -> Bool in
                    while offset > 0 {
                        offset -= 1
                        guard try body(entries[offset], Position(chunk: chunk, offset: offset)) else {
                            return false
                        }
                    }
                    return true
                }
                guard goOn else { return }
                chunk -= 1
                offset = chunk >= 0 ? chunks[chunk].count : 0
            }
        }
    }

    /// The first position whose key is at or after `key`; the end if there is none.
    func firstPosition(atOrAfter key: Key) -> Position {
        firstPosition(of: key, includingEqual: true, tryingFingers: false)
    }

    /// The first position whose key is after `key`; the end if there is none.
    func firstPosition(after key: Key) -> Position {
        firstPosition(of: key, includingEqual: false, tryingFingers: false)
    }

    /// Two binary searches: over the chunks' last keys, then inside the chunk, unless a finger (where a recent
    /// lookup or write landed) has the answer. The keys are read in place, and compared with `<` directly: a
    /// search compares a few dozen keys, and copying each, or reaching the comparison through a predicate or a
    /// protocol's witness, cost more than comparing them. Only lookups and writes, which keep the fingers, try
    /// them: a Query's bounds seldom land where they point.
    @inline(__always)
    private func firstPosition(of key: Key, includingEqual: Bool, tryingFingers: Bool) -> Position {
        let (low, finger) = lastKeys.withUnsafeBufferPointer { lastKeys -> (Int, Finger?) in
            // A finger's chunk is the answer when its last key follows the key sought and the one before does not.
            func holdsPlace(_ chunk: Int) -> Bool {
                chunk < lastKeys.count && lastKeys[chunk].follows(key, orEqual: includingEqual)
                    && (chunk == 0 || !lastKeys[chunk - 1].follows(key, orEqual: includingEqual))
            }
            if tryingFingers {
                if holdsPlace(recent.chunk) { return (recent.chunk, recent) }
                let byPrefix = recentByPrefix.withUnsafeBufferPointer { $0[key.prefixSlot] }
                if byPrefix.chunk != recent.chunk, holdsPlace(byPrefix.chunk) { return (byPrefix.chunk, byPrefix) }
            }
            var low = 0
            var high = lastKeys.count
            while low < high {
                let middle = (low + high) / 2
                if lastKeys[middle].follows(key, orEqual: includingEqual) {
                    high = middle
                } else {
                    low = middle + 1
                }
            }
            return (low, nil)
        }
        return chunks.withUnsafeBufferPointer { chunks in
            if low == chunks.count { return Position(chunk: chunks.count, offset: 0) }
            let offset = chunks[low].withEntries { entries in
                // The answer is the first entry that follows the key: the finger's offset, or the one after it.
                if let near = finger?.offset {
                    if near < entries.count, entries[near].pointee.key.follows(key, orEqual: includingEqual) {
                        if near == 0 || !entries[near - 1].pointee.key.follows(key, orEqual: includingEqual) {
                            return near
                        }
                    } else if near + 1 < entries.count,
                        entries[near + 1].pointee.key.follows(key, orEqual: includingEqual)
                    {
                        return near + 1
                    }
                }
                var lowOffset = 0
                var highOffset = entries.count - 1
                while lowOffset < highOffset {
                    let middle = (lowOffset + highOffset) / 2
                    if entries[middle].pointee.key.follows(key, orEqual: includingEqual) {
                        highOffset = middle
                    } else {
                        lowOffset = middle + 1
                    }
                }
                return lowOffset
            }
            return Position(chunk: low, offset: offset)
        }
    }

    /// Keeps where a lookup or write of `key` landed for the next searches.
    private mutating func remember(_ position: Position, of key: Key) {
        let finger = Finger(chunk: position.chunk, offset: position.offset)
        recent = finger
        recentByPrefix[key.prefixSlot] = finger
    }

    /// Whether the entry at `position` (not the end) has `key`.
    private func holds(_ key: Key, at position: Position) -> Bool {
        position.chunk < chunks.count
            && chunks[position.chunk].withEntries { entries in entries[position.offset].pointee.key == key }
    }

    mutating func value(for key: Key) -> Value? {
        lookup(key).value
    }

    /// The value for `key`, and a hint that spares ``set(_:for:hint:)`` or ``remove(_:hint:)`` the search.
    mutating func lookup(_ key: Key) -> (value: Value?, hint: Hint) {
        let position = firstPosition(of: key, includingEqual: true, tryingFingers: true)
        remember(position, of: key)
        let hint = Hint(position: position, shape: shape)
        guard holds(key, at: position) else { return (nil, hint) }
        return (chunks[position.chunk].withEntries { $0[position.offset].pointee.value }, hint)
    }

    /// The hint's position if the store has not changed shape since the lookup that gave it.
    private func position(of key: Key, hint: Hint?) -> Position {
        if let hint, hint.shape == shape { return hint.position }
        return firstPosition(of: key, includingEqual: true, tryingFingers: true)
    }

    /// Inserts or replaces the entry for `key`; returns the value it replaced.
    @discardableResult
    mutating func set(_ value: consuming Value, for key: consuming Key, hint: Hint? = nil) -> Value? {
        if chunks.isEmpty {
            lastKeys.append(copy key)
            chunks.append(OrderedStoreChunk(Entry(key: key, value: value)))
            count = 1
            shape &+= 1
            return nil
        }
        var position = position(of: key, hint: hint)
        remember(position, of: key)
        if holds(key, at: position) {
            // Swapped in place: the old value moves out without being copied (a retain and a release).
            return chunks[position.chunk].swapValue(value, at: position.offset)
        }
        if position.chunk == chunks.count {
            position = Position(chunk: chunks.count - 1, offset: chunks[chunks.count - 1].count)
        }
        if position.offset == chunks[position.chunk].count {
            lastKeys[position.chunk] = copy key
        }
        chunks[position.chunk].insert(Entry(key: key, value: value), at: position.offset)
        count += 1
        shape &+= 1
        if chunks[position.chunk].count > Self.chunkCapacity {
            let upper = chunks[position.chunk].split(at: Self.chunkCapacity / 2)
            let lowerLast = chunks[position.chunk].withEntries { $0[$0.count - 1].pointee.key }
            let upperLast = upper.withEntries { $0[$0.count - 1].pointee.key }
            chunks.insert(upper, at: position.chunk + 1)
            lastKeys[position.chunk] = lowerLast
            lastKeys.insert(upperLast, at: position.chunk + 1)
        }
        return nil
    }

    /// Removes the entry for `key`; returns its value.
    @discardableResult
    mutating func remove(_ key: Key, hint: Hint? = nil) -> Value? {
        let position = position(of: key, hint: hint)
        remember(position, of: key)
        guard holds(key, at: position) else { return nil }
        let old = chunks[position.chunk].remove(at: position.offset).value
        count -= 1
        shape &+= 1
        if chunks[position.chunk].count == 0 {
            chunks.remove(at: position.chunk)
            lastKeys.remove(at: position.chunk)
        } else if position.offset == chunks[position.chunk].count {
            lastKeys[position.chunk] = chunks[position.chunk].withEntries { $0[position.offset - 1].pointee.key }
        }
        return old
    }
}

extension OrderedStore: Sendable where Value: Sendable {}
extension OrderedStore.Entry: Sendable where Value: Sendable {}
extension OrderedStore.Hint: Sendable {}
