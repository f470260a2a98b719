import SoswCore

/// The top-level attributes an update has changed, each with its value from before its first change (nil when it
/// was absent), so that a refused update is undone in place: the values are taken as the update replaces them,
/// and nothing is looked up or copied ahead. Each entry also keeps what its last change left (the size, and
/// whether it is a container), so that the updated item is checked by what changed
/// (``InMemoryDynamoDBState/validateUpdatedItem(_:changes:old:in:at:)``) without looking the values up again.
///
/// Its entries live in storage the caller provides for the update's duration, one slot per top-level attribute
/// the update targets (``ResolvedUpdateActions/topLevelNames``): each is recorded at most once.
struct UpdateUndoLog {
    /// `currentSize` is the attribute's storage size after its last change (nil once removed), and
    /// `currentIsContainer` whether that value is a set, map or list.
    typealias Entry = (name: String, previous: AttributeValue?, currentSize: Int?, currentIsContainer: Bool)

    private let entries: UnsafeMutableBufferPointer<Entry>
    private var count = 0

    init(storage: UnsafeMutableBufferPointer<Entry>) {
        self.entries = storage
    }

    /// Notes that `name` held `previous` before this change (unless an earlier change of it was noted) and holds
    /// `current` after it (nil when removed).
    mutating func record(_ name: String, previous: AttributeValue?, current: AttributeValue?) {
        let currentSize = current?.storageSize
        let currentIsContainer = current?.isContainer ?? false
        for index in 0..<count where entries[index].name == name {
            entries[index].currentSize = currentSize
            entries[index].currentIsContainer = currentIsContainer
            return
        }
        precondition(count < entries.count, "an update changed an attribute it does not target: \(name)")
        entries.initializeElement(at: count, to: (name, previous, currentSize, currentIsContainer))
        count += 1
    }

    /// Whether the update has changed the top-level attribute `name`.
    func hasChanged(_ name: String) -> Bool {
        for index in 0..<count where entries[index].name == name { return true }
        return false
    }

    /// How many bytes the changes added to the item's size (negative when they freed more), by DynamoDB's rules
    /// (an attribute counts its name and its value).
    var sizeChange: Int {
        var change = 0
        for index in 0..<count {
            let nameBytes = entries[index].name.utf8.count
            if let previous = entries[index].previous { change -= nameBytes + previous.storageSize }
            if let current = entries[index].currentSize { change += nameBytes + current }
        }
        return change
    }

    /// The changed attributes that now hold a set, map or list, by name: the only values that can be invalid.
    var changedContainers: [String] {
        var names: [String] = []
        for index in 0..<count where entries[index].currentIsContainer {
            names.append(entries[index].name)
        }
        return names.sorted()
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
