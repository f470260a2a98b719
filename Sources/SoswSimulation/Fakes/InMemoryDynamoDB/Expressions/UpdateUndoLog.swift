import SoswCore

/// The top-level attributes an update has changed, each with its value from before its first change (nil when it
/// was absent), so that a refused update is undone in place: the values are taken as the update replaces them,
/// and nothing is looked up or copied ahead. Each entry also keeps the value its last change left, so that the
/// updated item is checked by what changed (``InMemoryDynamoDBState/validateUpdatedItem(_:changes:old:in:at:)``):
/// its size, its new values and its index keys, without looking anything up in the item again.
///
/// Its entries live in storage the caller provides for the update's duration, one slot per top-level attribute
/// the update targets (``ResolvedUpdateActions/topLevelNames``): each is recorded at most once.
struct UpdateUndoLog {
    /// `current` is the attribute's value after its last change (nil once removed).
    typealias Entry = (name: String, previous: AttributeValue?, current: AttributeValue?)

    private let entries: UnsafeMutableBufferPointer<Entry>
    private var count = 0

    init(storage: UnsafeMutableBufferPointer<Entry>) {
        self.entries = storage
    }

    /// Notes that `name` held `previous` before this change (unless an earlier change of it was noted) and holds
    /// `current` after it (nil when removed).
    mutating func record(_ name: String, previous: AttributeValue?, current: AttributeValue?) {
        for index in 0..<count where entries[index].name == name {
            entries[index].current = current
            return
        }
        precondition(count < entries.count, "an update changed an attribute it does not target: \(name)")
        entries.initializeElement(at: count, to: (name, previous, current))
        count += 1
    }

    /// Whether the update has changed the top-level attribute `name`.
    func hasChanged(_ name: String) -> Bool {
        for index in 0..<count where entries[index].name == name { return true }
        return false
    }

    /// What the update left in `name`: nil when it did not change it, `.some(nil)` when it removed it.
    func currentValue(of name: String) -> AttributeValue?? {
        for index in 0..<count where entries[index].name == name { return .some(entries[index].current) }
        return nil
    }

    /// How many bytes the changes added to the item's size (negative when they freed more), by DynamoDB's rules
    /// (an attribute counts its name and its value).
    var sizeChange: Int {
        var change = 0
        for index in 0..<count {
            let nameBytes = entries[index].name.utf8.count
            if let previous = entries[index].previous { change -= nameBytes + previous.storageSize }
            if let current = entries[index].current { change += nameBytes + current.storageSize }
        }
        return change
    }

    /// Calls `body` with each changed attribute that now holds a set, map or list (the only values that can be
    /// invalid), in name order, so that the first invalid one by name is the one reported. Allocates nothing
    /// unless several changed attributes hold one.
    func forEachChangedContainer(
        _ body: (AttributeValue) throws(DynamoDBError) -> Void
    ) throws(DynamoDBError) {
        var first: Int?
        var others: [Int] = []
        for index in 0..<count where entries[index].current?.isContainer == true {
            if first == nil { first = index } else { others.append(index) }
        }
        guard let first else { return }
        if others.isEmpty { return try body(entries[first].current!) }
        others.append(first)
        for index in others.sorted(by: { entries[$0].name < entries[$1].name }) {
            try body(entries[index].current!)
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
