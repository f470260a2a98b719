import SoswCore

/// TransactWriteItems: every action is planned against the same snapshot, and the writes are applied only
/// if every condition held — otherwise nothing changes and the error carries one reason per action.
extension InMemoryDynamoDBState {
    static let maximumTransactionActions = 100

    mutating func transactWriteItems(
        _ input: TransactWriteItemsInput, now: Duration
    ) throws(DynamoDBError) -> TransactWriteItemsOutput {
        let actions = input.transactItems
        guard actions.count >= 1, actions.count <= Self.maximumTransactionActions else {
            throw .validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1"
            )
        }
        // Shape and distinct items first: these refuse the whole request before any condition is read.
        // A transaction names a handful of items: a linear search for repeats beats hashing their keys.
        var seen: [(table: String, position: IndexKey)] = []
        seen.reserveCapacity(actions.count)
        var requestBytes = 0
        for action in actions {
            let kinds = [action.conditionCheck != nil, action.put != nil, action.update != nil, action.delete != nil]
            guard kinds.filter({ $0 }).count == 1 else {
                throw .validation(
                    "TransactItems can only contain one of Check, Put, Update or Delete")
            }
            let (tableName, position, putSize) = try target(of: action)
            requestBytes += Self.transactionBytes(of: action, putSize: putSize)
            if seen.contains(where: { $0.position == position && $0.table == tableName }) {
                throw .validation("Transaction request cannot include multiple operations on one item")
            }
            seen.append((tableName, position))
        }
        if requestBytes > Self.maximumTransactionBytes { throw Self.transactionTooLarge }
        var targets: [String] = []
        for (tableName, _) in seen where !targets.contains(tableName) { targets.append(tableName) }
        targets.sort()
        for tableName in targets { catchUp(tableName, now: now) }
        var plans: [PlannedWrite] = []
        var reasons: [DynamoDBError.CancellationReason] = []
        for action in actions {
            switch try plan(action) {
            case .planned(let plan):
                plans.append(plan)
                reasons.append(.none)
            case .cancelled(let reason):
                reasons.append(reason)
            }
        }
        if reasons.contains(where: { $0.code != "None" }) {
            throw DynamoDBError(
                code: .transactionCanceled,
                message: "Transaction cancelled, please refer cancellation reasons for specific reasons [\(reasons.map(\.code).joined(separator: ", "))]",
                cancellationReasons: reasons)
        }
        for tableName in targets {
            if let table = tables[tableName] { try checkWriteThrottling(table, now: now) }
        }
        var tableUnits: [String: Double] = [:]
        var indexUnits: [String: [String: Double]] = [:]
        for plan in plans {
            let writes = commit(plan, now: now, capacity: input.returnConsumedCapacity)
            let name = plan.table.name
            tableUnits[name, default: 0] += CapacityUnits.write(bytes: plan.consumedBytes, transactional: true)
            indexUnits[name, default: [:]].merge(Self.indexWriteUnits(writes, transactional: true), uniquingKeysWith: +)
        }
        var consumed: [ConsumedCapacity] = []
        for tableName in targets {
            chargeWrite(
                table: tableName, tableUnits: tableUnits[tableName] ?? 0, indexUnits: indexUnits[tableName] ?? [:],
                now: now)
            if let capacity = Self.consumedCapacity(
                input.returnConsumedCapacity, table: try table(named: tableName), isRead: false,
                tableUnits: tableUnits[tableName] ?? 0, indexUnits: indexUnits[tableName] ?? [:])
            {
                consumed.append(capacity)
            }
        }
        return TransactWriteItemsOutput(consumedCapacity: consumed.isEmpty ? nil : consumed)
    }

    /// The table and item an action names, with a Put's item size (nil for the other actions).
    private func target(of action: TransactWriteItem) throws(DynamoDBError) -> (String, IndexKey, putSize: Int?) {
        if let check = action.conditionCheck {
            return (check.tableName, try primaryKey(check.key, in: try table(named: check.tableName)), nil)
        }
        if let put = action.put {
            let (position, stored) = try validateNewItem(put.item, in: try table(named: put.tableName))
            return (put.tableName, position, stored.size)
        }
        if let update = action.update {
            return (update.tableName, try primaryKey(update.key, in: try table(named: update.tableName)), nil)
        }
        let delete = action.delete!
        return (delete.tableName, try primaryKey(delete.key, in: try table(named: delete.tableName)), nil)
    }

    /// What planning one action of a transaction gives: its write, or the reason it cancels the transaction.
    enum PlannedAction {
        case planned(PlannedWrite)
        case cancelled(DynamoDBError.CancellationReason)
    }

    /// Plans one action. Problems with the request itself throw (the whole transaction is refused); a condition
    /// that does not hold, or an update that cannot apply to the stored item (an operand of the wrong type, a
    /// path that is not there, a result too large or with a wrongly typed index key), is that action's
    /// cancellation reason, as the service reports it.
    private func plan(_ action: TransactWriteItem) throws(DynamoDBError) -> PlannedAction {
        do throws(DynamoDBError) {
            if let update = action.update {
                let prepared = try prepareUpdate(
                    table: update.tableName, key: update.key, update: update.updateExpression,
                    condition: update.conditionExpression,
                    attributes: ExpressionAttributes(names: update.expressionAttributeNames, values: update.expressionAttributeValues),
                    returnOnFailure: update.returnValuesOnConditionCheckFailure)
                do throws(DynamoDBError) {
                    return .planned(try planUpdate(prepared))
                } catch where error.code == .validation {
                    return .cancelled(DynamoDBError.CancellationReason(code: "ValidationError", message: error.message))
                }
            }
            return .planned(try planWithoutUpdate(action))
        } catch where error.code == .conditionalCheckFailed {
            return .cancelled(DynamoDBError.CancellationReason(code: "ConditionalCheckFailed", message: error.message, item: error.item))
        }
    }

    private func planWithoutUpdate(_ action: TransactWriteItem) throws(DynamoDBError) -> PlannedWrite {
        if let check = action.conditionCheck {
            return try planConditionCheck(
                table: check.tableName, key: check.key, condition: check.conditionExpression,
                attributes: ExpressionAttributes(names: check.expressionAttributeNames, values: check.expressionAttributeValues),
                returnOnFailure: check.returnValuesOnConditionCheckFailure)
        }
        if let put = action.put {
            return try planPut(
                table: put.tableName, item: put.item, condition: put.conditionExpression,
                attributes: ExpressionAttributes(names: put.expressionAttributeNames, values: put.expressionAttributeValues),
                returnOnFailure: put.returnValuesOnConditionCheckFailure)
        }
        let delete = action.delete!
        return try planDelete(
            table: delete.tableName, key: delete.key, condition: delete.conditionExpression,
            attributes: ExpressionAttributes(names: delete.expressionAttributeNames, values: delete.expressionAttributeValues),
            returnOnFailure: delete.returnValuesOnConditionCheckFailure)
    }
}
