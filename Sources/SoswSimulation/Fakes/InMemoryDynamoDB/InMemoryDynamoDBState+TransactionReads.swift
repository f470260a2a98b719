import SoswCore

/// TransactGetItems: every read sees the same moment, which a fake under one lock gives for free; the request
/// is checked whole (count, tables, keys, projections, distinct items) before any item is read.
extension InMemoryDynamoDBState {
    mutating func transactGetItems(
        _ input: TransactGetItemsInput, now: Duration
    ) throws(DynamoDBError) -> TransactGetItemsOutput {
        let reads = input.transactItems.map(\.get)
        guard reads.count >= 1, reads.count <= Self.maximumTransactionActions else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1"
            )
        }
        var planned: [(table: StoredTable, position: IndexKey, projection: CompiledProjection?)] = []
        planned.reserveCapacity(reads.count)
        for read in reads {
            let table = try table(named: read.tableName)
            let projection = try read.projectionExpression.map { text throws(DynamoDBError) in
                try compiler.projection(text)
            }
            try validations.validate(
                ExpressionAttributes(names: read.expressionAttributeNames), usedBy: projection.map { [$0] } ?? [])
            let position = try primaryKey(read.key, in: table)
            if planned.contains(where: { $0.position == position && $0.table.name == table.name }) {
                throw .validation("Transaction request cannot include multiple operations on one item")
            }
            planned.append((table, position, projection))
        }
        var tableNames: [String] = []
        for read in planned where !tableNames.contains(read.table.name) { tableNames.append(read.table.name) }
        tableNames.sort()
        for name in tableNames {
            catchUp(name, now: now)
            try checkThrottling(table: name, indexes: [], now: now)
        }
        var responses: [ItemResponse] = []
        var units: [String: Double] = [:]
        for (read, plan) in zip(reads, planned) {
            let item = plan.table.item(at: plan.position)
            units[plan.table.name, default: 0] += CapacityUnits.read(
                bytes: item?.size ?? 0, consistent: true, transactional: true)
            guard let item else {
                responses.append(ItemResponse())
                continue
            }
            let attributes = ExpressionAttributes(names: read.expressionAttributeNames)
            responses.append(ItemResponse(
                item: try plan.projection.map { projection throws(DynamoDBError) in
                    try projection.project(item.attributes, attributes)
                } ?? item.attributes))
        }
        var consumed: [ConsumedCapacity] = []
        for name in tableNames {
            chargeRead(table: name, index: nil, tableUnits: units[name] ?? 0, now: now)
            if let capacity = Self.consumedCapacity(
                input.returnConsumedCapacity, table: try table(named: name), isRead: true,
                tableUnits: units[name] ?? 0, indexUnits: [:])
            {
                consumed.append(capacity)
            }
        }
        return TransactGetItemsOutput(responses: responses, consumedCapacity: consumed.isEmpty ? nil : consumed)
    }
}
