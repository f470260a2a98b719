import SoswCore

/// The provisioned capacity of one table created with `BillingMode PROVISIONED`: a read and a write
/// ``CapacityBucket`` for the table and for each global index, and the units charged so far.
///
/// Local indexes have none of their own: reading one, or writing its entries, draws on the table's capacity,
/// as DynamoDB bills them.
struct ProvisionedCapacity: Sendable {
    var tableRead: CapacityBucket
    var tableWrite: CapacityBucket
    var indexRead: [String: CapacityBucket]
    var indexWrite: [String: CapacityBucket]
    /// The units charged to any bucket of the table since it was created.
    private(set) var consumedReadUnits = 0.0
    private(set) var consumedWriteUnits = 0.0

    /// Nil for a table billed per request.
    init?(_ table: StoredTable) {
        guard table.billingMode == .provisioned, let throughput = table.provisionedThroughput else { return nil }
        tableRead = CapacityBucket(unitsPerSecond: throughput.readCapacityUnits)
        tableWrite = CapacityBucket(unitsPerSecond: throughput.writeCapacityUnits)
        var indexRead: [String: CapacityBucket] = [:]
        var indexWrite: [String: CapacityBucket] = [:]
        for index in table.globalIndexes {
            guard let throughput = index.provisionedThroughput else { continue }
            indexRead[index.name] = CapacityBucket(unitsPerSecond: throughput.readCapacityUnits)
            indexWrite[index.name] = CapacityBucket(unitsPerSecond: throughput.writeCapacityUnits)
        }
        self.indexRead = indexRead
        self.indexWrite = indexWrite
    }

    /// Whether a read of the table, or of its index `index`, may go ahead at `now`.
    func admitsRead(index: String?, at now: Duration) -> Bool {
        (index.flatMap { indexRead[$0] } ?? tableRead).admits(at: now)
    }

    /// Whether a write may go ahead at `now`: the table and every global index must have capacity left, since
    /// a throttled global index throttles the writes to its table.
    func admitsWrite(at now: Duration) -> Bool {
        tableWrite.admits(at: now) && indexWrite.keys.sorted().allSatisfy { indexWrite[$0]!.admits(at: now) }
    }

    /// Charges a read of `tableUnits` from the table and `indexUnits` from `index` (a local index's from the
    /// table).
    mutating func chargeRead(index: String?, tableUnits: Double, indexUnits: Double, at now: Duration) {
        if let index, indexRead[index] != nil {
            indexRead[index]!.charge(indexUnits, at: now)
            if tableUnits > 0 { tableRead.charge(tableUnits, at: now) }
        } else {
            tableRead.charge(tableUnits + indexUnits, at: now)
        }
        consumedReadUnits += tableUnits + indexUnits
    }

    /// Charges a write of `tableUnits` to the table and `indexUnits` to the indexes it changed (a local
    /// index's to the table).
    mutating func chargeWrite(tableUnits: Double, indexUnits: [String: Double], at now: Duration) {
        var onTable = tableUnits
        for (index, units) in indexUnits.sorted(by: { $0.key < $1.key }) {
            if indexWrite[index] != nil {
                indexWrite[index]!.charge(units, at: now)
            } else {
                onTable += units
            }
        }
        tableWrite.charge(onTable, at: now)
        consumedWriteUnits += tableUnits + indexUnits.values.reduce(0, +)
    }
}
