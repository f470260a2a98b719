import SoswCore

/// Provisioned capacity: reads and writes of a table created with `BillingMode PROVISIONED` draw on its
/// ``ProvisionedCapacity``, and are refused with ProvisionedThroughputExceededException while the capacity they
/// draw on is used up. Tables billed per request are never refused for capacity.
extension InMemoryDynamoDBState {
    /// Refuses a read of `table` (through `index`, when given) whose capacity is used up.
    func checkReadCapacity(table: String, index: String?, now: Duration) throws(DynamoDBError) {
        guard let capacity = provisioned[table], !capacity.admitsRead(index: index, at: now) else { return }
        throw .capacityExceeded
    }

    /// Refuses a write to `table` when the table's write capacity, or one of its global indexes', is used up.
    func checkWriteCapacity(table: String, now: Duration) throws(DynamoDBError) {
        guard let capacity = provisioned[table], !capacity.admitsWrite(at: now) else { return }
        throw .capacityExceeded
    }

    /// Charges a read that went ahead to the table's capacity (nothing for a table billed per request).
    mutating func chargeRead(table: String, index: String?, tableUnits: Double, indexUnits: Double = 0, now: Duration) {
        provisioned[table]?.chargeRead(index: index, tableUnits: tableUnits, indexUnits: indexUnits, at: now)
    }

    /// Charges a write that went ahead: `tableUnits`, and `indexUnits` per index it changed (nothing for a table
    /// billed per request).
    mutating func chargeWrite(table: String, tableUnits: Double, indexUnits: [String: Double], now: Duration) {
        provisioned[table]?.chargeWrite(tableUnits: tableUnits, indexUnits: indexUnits, at: now)
    }

    /// Whether writes to `table` must count their index writes: for the response, or for provisioned capacity.
    func countsIndexWrites(of table: String, for mode: ReturnConsumedCapacity?) -> Bool {
        Self.counts(mode) || provisioned[table] != nil
    }
}

extension DynamoDBError {
    /// What a provisioned table refuses a request with when its capacity is used up.
    static var capacityExceeded: DynamoDBError {
        DynamoDBError(
            code: .provisionedThroughputExceeded,
            message: "The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API.")
    }
}
