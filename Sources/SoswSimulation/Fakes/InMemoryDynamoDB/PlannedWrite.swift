import SoswCore

/// A single-item write decided but not yet applied: which item, as it was and as it will be. PutItem,
/// UpdateItem and DeleteItem apply it at once; a transaction plans every action first and applies them all
/// only if every condition held.
struct PlannedWrite {
    var table: StoredTable
    var primaryKey: IndexKey
    /// Where planning found the item, so the write does not search again (ignored if the table changed shape).
    var primaryHint: OrderedStore<StoredItem>.Hint?
    /// The item as it was; nil for an update made in place, where no copy of the old item is left (see
    /// ``previousFiling``).
    var old: StoredItem?
    var new: StoredItem?
    /// Top-level attributes an update targets, for ReturnValues UPDATED_OLD and UPDATED_NEW; empty for puts,
    /// deletes and checks, whose ReturnValues cannot ask for those (and transactions and batches return none).
    var updated: [String]
    /// False for a ConditionCheck, which writes nothing.
    var writes: Bool
    /// For an update made in place (`new` is the stored item itself, already changed): how the item was filed
    /// before, which its index entries move from.
    var previousFiling: StoredItem.Filing? = nil

    var consumedBytes: Int {
        max(old?.size ?? previousFiling?.size ?? 0, new?.size ?? 0)
    }
}
