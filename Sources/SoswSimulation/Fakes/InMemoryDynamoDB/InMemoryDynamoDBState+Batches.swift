import SoswCore

/// BatchWriteItem and BatchGetItem: independent single-item operations in one call. Requests a throttled
/// table refuses come back unprocessed, as the service returns them, and the call fails only if none got
/// through.
extension InMemoryDynamoDBState {
    static let maximumBatchWrites = 25
    static let maximumBatchGets = 100

    mutating func batchWriteItem(_ input: BatchWriteItemInput, now: Duration) throws(DynamoDBError) -> BatchWriteItemOutput {
        let tableNames = input.requestItems.keys.sorted()
        let total = input.requestItems.values.reduce(0) { $0 + $1.count }
        guard total >= 1, total <= Self.maximumBatchWrites, input.requestItems.values.allSatisfy({ !$0.isEmpty }) else {
            throw .validation(
                "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"
            )
        }
        // Validate everything before writing anything: a malformed request writes nothing.
        var plans: [(table: String, plans: [PlannedWrite])] = []
        for tableName in tableNames {
            catchUp(tableName, now: now)
            let table = try self.table(named: tableName)
            var seen: Set<IndexKey> = []
            var tablePlans: [PlannedWrite] = []
            for request in input.requestItems[tableName]! {
                let plan: PlannedWrite
                switch (request.putRequest, request.deleteRequest) {
                case (let put?, nil):
                    let (position, stored) = try validateNewItem(put.item, in: table)
                    let (old, hint) = table.lookup(position)
                    plan = PlannedWrite(
                        table: table, primaryKey: position, primaryHint: hint, old: old, new: stored,
                        updated: [], writes: true)
                case (nil, let delete?):
                    let position = try primaryKey(delete.key, in: table)
                    let (old, hint) = table.lookup(position)
                    plan = PlannedWrite(
                        table: table, primaryKey: position, primaryHint: hint, old: old, new: nil, updated: [],
                        writes: old != nil)
                default:
                    throw .validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
                }
                guard seen.insert(plan.primaryKey).inserted else {
                    throw .validation("Provided list of item keys contains duplicates")
                }
                tablePlans.append(plan)
            }
            plans.append((tableName, tablePlans))
        }
        var unprocessed: [String: [WriteRequest]] = [:]
        var consumed: [ConsumedCapacity] = []
        var refusal: DynamoDBError?
        for (tableName, tablePlans) in plans {
            do throws(DynamoDBError) {
                if let table = tables[tableName] { try checkWriteThrottling(table, now: now) }
            } catch where error.isRetryable {
                unprocessed[tableName] = input.requestItems[tableName]
                refusal = refusal ?? error
                continue
            }
            var tableUnits = 0.0
            var indexUnits: [String: Double] = [:]
            for plan in tablePlans {
                // Later writes to the same key in one batch are impossible (duplicates are refused), so each plan's
                // old image is still current.
                let writes = commit(plan, now: now, capacity: input.returnConsumedCapacity)
                tableUnits += CapacityUnits.write(bytes: plan.consumedBytes)
                indexUnits.merge(Self.indexWriteUnits(writes, transactional: false), uniquingKeysWith: +)
            }
            chargeWrite(table: tableName, tableUnits: tableUnits, indexUnits: indexUnits, now: now)
            if let capacity = Self.consumedCapacity(
                input.returnConsumedCapacity, table: try table(named: tableName), isRead: false, tableUnits: tableUnits,
                indexUnits: indexUnits)
            {
                consumed.append(capacity)
            }
        }
        if unprocessed.count == plans.count, let refusal {
            throw refusal
        }
        return BatchWriteItemOutput(unprocessedItems: unprocessed, consumedCapacity: consumed.isEmpty ? nil : consumed)
    }

    mutating func batchGetItem(_ input: BatchGetItemInput, now: Duration) throws(DynamoDBError) -> BatchGetItemOutput {
        let tableNames = input.requestItems.keys.sorted()
        let total = input.requestItems.values.reduce(0) { $0 + $1.keys.count }
        guard total <= Self.maximumBatchGets else {
            throw .validation("Too many items requested for the BatchGetItem call")
        }
        guard total >= 1 else {
            throw .validation(
                "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1")
        }
        var prepared: [(table: StoredTable, request: KeysAndAttributes, projection: CompiledProjection?, positions: [IndexKey])] = []
        for tableName in tableNames {
            let table = try self.table(named: tableName)
            let request = input.requestItems[tableName]!
            let projection = try request.projectionExpression.map { text throws(DynamoDBError) in try compiler.projection(text) }
            try validations.validate(
                ExpressionAttributes(names: request.expressionAttributeNames), usedBy: projection.map { [$0] } ?? [])
            var positions: [IndexKey] = []
            for key in request.keys {
                let position = try primaryKey(key, in: table)
                if positions.contains(position) {
                    throw .validation("Provided list of item keys contains duplicates")
                }
                positions.append(position)
            }
            prepared.append((table, request, projection, positions))
        }
        var responses: [String: [DynamoItem]] = [:]
        var unprocessed: [String: KeysAndAttributes] = [:]
        var consumed: [ConsumedCapacity] = []
        var refusal: DynamoDBError?
        for (table, request, projection, positions) in prepared {
            do throws(DynamoDBError) {
                try checkThrottling(table: table.name, indexes: [], now: now)
            } catch where error.isRetryable {
                unprocessed[table.name] = request
                refusal = refusal ?? error
                continue
            }
            var items: [DynamoItem] = []
            var units = 0.0
            let attributes = ExpressionAttributes(names: request.expressionAttributeNames)
            for position in positions {
                let item = table.item(at: position)
                // Each item of a batch is rounded up to 4 KB on its own.
                units += CapacityUnits.read(bytes: item?.size ?? 0, consistent: request.consistentRead ?? false)
                if let item {
                    items.append(try projection?.project(item.attributes, attributes) ?? item.attributes)
                }
            }
            responses[table.name] = items
            chargeRead(table: table.name, index: nil, tableUnits: units, now: now)
            if let capacity = Self.consumedCapacity(
                input.returnConsumedCapacity, table: table, isRead: true, tableUnits: units, indexUnits: [:])
            {
                consumed.append(capacity)
            }
        }
        if unprocessed.count == prepared.count, let refusal {
            throw refusal
        }
        return BatchGetItemOutput(
            responses: responses, unprocessedKeys: unprocessed, consumedCapacity: consumed.isEmpty ? nil : consumed)
    }
}
