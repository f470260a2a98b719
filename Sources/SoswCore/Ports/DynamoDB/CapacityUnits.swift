/// DynamoDB's capacity arithmetic (developer guide, "Read/write capacity mode"): a read unit covers 4 KB read
/// strongly consistently (an eventually consistent read costs half), a write unit covers 1 KB, and
/// transactional reads and writes cost double. Sizes are rounded up to the next unit, and an operation that
/// touches nothing still costs one unit. The simulation's cost reports stand on these figures.
public enum CapacityUnits {
    public static let readUnitBytes = 4096
    public static let writeUnitBytes = 1024

    /// The read units for `bytes` read in one request (GetItem: one item; Query and Scan: the sum of all items
    /// read, before any filter).
    public static func read(bytes: Int, consistent: Bool, transactional: Bool = false) -> Double {
        let units = Double(max(1, (bytes + readUnitBytes - 1) / readUnitBytes))
        if transactional { return units * 2 }
        return consistent ? units : units / 2
    }

    /// The write units for writing an item of `bytes` (for a replacement, the larger of the old and new size).
    public static func write(bytes: Int, transactional: Bool = false) -> Double {
        let units = Double(max(1, (bytes + writeUnitBytes - 1) / writeUnitBytes))
        return transactional ? units * 2 : units
    }
}
