import SoswCore

/// The top-level attributes an update has changed, each with its value from before its first change (nil when it
/// was absent), so that a refused update is undone in place: the values are taken as the update replaces them,
/// and nothing is looked up or copied ahead. The same list lets the updated item be checked by what changed
/// (``InMemoryDynamoDBState/validateUpdatedItem(_:changes:old:in:at:)``) rather than whole.
///
/// Its entries live in storage the caller provides for the update's duration, one slot per top-level attribute
/// the update targets (``ResolvedUpdateActions/topLevelNames``): each is recorded at most once.
struct UpdateUndoLog {
    typealias Entry = (name: String, previous: AttributeValue?)

    private let entries: UnsafeMutableBufferPointer<Entry>
    private var count = 0

    init(storage: UnsafeMutableBufferPointer<Entry>) {
        self.entries = storage
    }

    /// Notes that `name` held `previous` before this change, unless an earlier change of it was noted.
    mutating func record(_ name: String, previous: AttributeValue?) {
        for index in 0..<count where entries[index].name == name { return }
        precondition(count < entries.count, "an update changed an attribute it does not target: \(name)")
        entries.initializeElement(at: count, to: (name, previous))
        count += 1
    }

    /// Whether the update has changed the top-level attribute `name`.
    func hasChanged(_ name: String) -> Bool {
        for index in 0..<count where entries[index].name == name { return true }
        return false
    }

    /// Hands each changed attribute, with what it held before, to `body`, in the order of their first change.
    func forEachChange<Failure: Error>(
        _ body: (_ name: String, _ previous: AttributeValue?) throws(Failure) -> Void
    ) throws(Failure) {
        for index in 0..<count {
            try body(entries[index].name, entries[index].previous)
        }
    }

    /// Puts back every recorded attribute as it was.
    func undo(in item: inout DynamoItem) {
        for index in 0..<count {
            item[entries[index].name] = entries[index].previous
        }
    }

    /// Releases the recorded values; the log is empty afterwards.
    mutating func discard() {
        UnsafeMutableBufferPointer(rebasing: entries[..<count]).deinitialize()
        count = 0
    }
}
