/// One chunk of an ``OrderedStore``: up to ``OrderedStore/chunkCapacity`` + 1 entries in key order, in one buffer
/// with a gap where the last insert or removal was. Entries before the gap sit at the front of the buffer, the
/// rest at its back; an insert or removal first moves the gap to its place, moving only the entries in between.
///
/// Writes cluster: a queue's tail grows where its head was just removed from the partition before (sosw's
/// greenfield index), items arrive in key order. With a plain array every insert or removal moved the chunk's
/// entries after it, half a chunk on average; here the writes that follow one another in a chunk move next to
/// nothing.
///
/// A value type over a buffer that is copied before a write when it is shared, like an array.
struct OrderedStoreChunk<Value> {
    typealias Entry = OrderedStore<Value>.Entry

    private var storage: Storage

    /// A chunk holding `entry` alone.
    init(_ entry: consuming Entry) {
        storage = Storage.make()
        storage.insert(entry, at: 0)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    var count: Int { storage.count }

    /// Lends the chunk's entries to `body` as a view indexed by position in key order, valid only during the call
    /// (the chunk, which its caller holds, keeps the buffer alive meanwhile).
    @inline(__always)
    func withEntries<Result, Failure: Error>(
        _ body: (Entries) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(Entries(elements: UnsafePointer(storage.elementsAddress), header: storage.headerAddress.pointee))
    }

    /// The chunk's entries in key order, through the gap.
    struct Entries {
        fileprivate let elements: UnsafePointer<Entry>
        fileprivate let header: Header

        var count: Int { header.count }

        /// The entry at `position` in key order (below ``count``).
        @inline(__always)
        subscript(position: Int) -> UnsafePointer<Entry> {
            elements + header.slot(of: position)
        }
    }

    /// Inserts `entry` at `position` (at most ``count``); the chunk must have room (at most a full chunk's
    /// entries, so that the one over it can be inserted before a split).
    mutating func insert(_ entry: consuming Entry, at position: Int) {
        makeUnique()
        storage.insert(entry, at: position)
    }

    /// Removes and returns the entry at `position`.
    mutating func remove(at position: Int) -> Entry {
        makeUnique()
        return storage.remove(at: position)
    }

    /// Puts `value` in the entry at `position` and returns the value it held, without copying either.
    mutating func swapValue(_ value: consuming Value, at position: Int) -> Value {
        makeUnique()
        return storage.swapValue(value, at: position)
    }

    /// Moves the entries from `position` on into a new chunk, which it returns.
    mutating func split(at position: Int) -> OrderedStoreChunk {
        makeUnique()
        return OrderedStoreChunk(storage: storage.split(at: position))
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    struct Header {
        var count: Int
        var gapStart: Int
        let capacity: Int

        var gapLength: Int { capacity - count }

        /// Where in the buffer the entry at `position` in key order sits: before the gap, or after it.
        @inline(__always)
        func slot(of position: Int) -> Int {
            position < gapStart ? position : position + gapLength
        }
    }

    /// The buffer: entries `0..<gapStart` at the front, the other `count - gapStart` at the back, the gap between
    /// uninitialized.
    ///
    /// Its header is reached through its address, not `ManagedBuffer.header`: that is a stored property of a
    /// class, and every access to it paid a dynamic exclusivity check (a thread-local set insertion and removal).
    final class Storage: ManagedBuffer<Header, Entry> {
        /// The header and the elements stay where they are while the buffer lives: their addresses are used only
        /// while it does (in its own methods, or by a chunk that holds it).
        var headerAddress: UnsafeMutablePointer<Header> { withUnsafeMutablePointerToHeader { $0 } }
        var elementsAddress: UnsafeMutablePointer<Entry> { withUnsafeMutablePointerToElements { $0 } }

        var count: Int { headerAddress.pointee.count }

        static func make() -> Storage {
            let capacity = OrderedStore<Value>.chunkCapacity + 1
            let buffer = Storage.create(minimumCapacity: capacity) { _ in
                Header(count: 0, gapStart: 0, capacity: capacity)
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }

        deinit {
            withUnsafeMutablePointers { header, elements in
                let gapStart = header.pointee.gapStart
                elements.deinitialize(count: gapStart)
                (elements + gapStart + header.pointee.gapLength).deinitialize(count: header.pointee.count - gapStart)
            }
        }

        func copy() -> Storage {
            let copy = Storage.make()
            copy.withUnsafeMutablePointers { copyHeader, copyElements in
                withUnsafeMutablePointers { header, elements in
                    let before = header.pointee.gapStart
                    copyElements.initialize(from: elements, count: before)
                    (copyElements + before).initialize(
                        from: elements + before + header.pointee.gapLength, count: header.pointee.count - before)
                    copyHeader.pointee.count = header.pointee.count
                    copyHeader.pointee.gapStart = header.pointee.count
                }
            }
            return copy
        }

        /// Moves the gap so that it starts at `position`: the entries before `position` at the front.
        private func moveGap(to position: Int) {
            withUnsafeMutablePointers { header, elements in
                let gapStart = header.pointee.gapStart
                let gapLength = header.pointee.gapLength
                if position < gapStart {
                    (elements + position + gapLength).moveInitialize(from: elements + position, count: gapStart - position)
                } else if position > gapStart {
                    (elements + gapStart).moveInitialize(from: elements + gapStart + gapLength, count: position - gapStart)
                }
                header.pointee.gapStart = position
            }
        }

        func insert(_ entry: consuming Entry, at position: Int) {
            let header = headerAddress
            precondition(header.pointee.count < header.pointee.capacity, "an ordered store chunk is over its capacity")
            moveGap(to: position)
            header.pointee.gapStart += 1
            header.pointee.count += 1
            (elementsAddress + position).initialize(to: entry)
        }

        func remove(at position: Int) -> Entry {
            moveGap(to: position + 1)
            return withUnsafeMutablePointers { header, elements in
                header.pointee.gapStart = position
                header.pointee.count -= 1
                return (elements + position).move()
            }
        }

        func swapValue(_ value: consuming Value, at position: Int) -> Value {
            var replaced = value
            swap(&replaced, &elementsAddress[headerAddress.pointee.slot(of: position)].value)
            return replaced
        }

        /// Moves the entries from `position` on into a new buffer, which it returns.
        func split(at position: Int) -> Storage {
            moveGap(to: position)
            let upper = Storage.make()
            withUnsafeMutablePointers { header, elements in
                let moved = header.pointee.count - position
                upper.withUnsafeMutablePointers { upperHeader, upperElements in
                    upperElements.moveInitialize(from: elements + header.pointee.slot(of: position), count: moved)
                    upperHeader.pointee.count = moved
                    upperHeader.pointee.gapStart = moved
                }
                header.pointee.count = position
            }
            return upper
        }
    }
}

extension OrderedStoreChunk: @unchecked Sendable where Value: Sendable {}
