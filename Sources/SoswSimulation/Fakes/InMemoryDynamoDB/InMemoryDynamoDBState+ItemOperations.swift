import SoswCore

/// PutItem, GetItem, UpdateItem and DeleteItem, built from plans that a transaction reuses.
extension InMemoryDynamoDBState {
    // MARK: Plans

    func planPut(
        table tableName: String, item: DynamoItem, condition: String?, attributes: ExpressionAttributes,
        returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) -> PlannedWrite {
        let table = try self.table(named: tableName)
        let compiledCondition = try condition.map { text throws(DynamoDBError) in try compiler.condition(text) }
        try validations.validate(attributes, usedBy: compiledCondition.map { [$0] } ?? [])
        let (position, stored) = try validateNewItem(item, in: table)
        let (old, hint) = table.lookup(position)
        try check(compiledCondition, on: old?.attributes, attributes, returnOnFailure)
        return PlannedWrite(
            table: table, primaryKey: position, primaryHint: hint, old: old, new: stored, updated: [], writes: true)
    }

    /// An UpdateItem checked against the request alone (table, key, expressions, placeholders), before the
    /// stored item is read: what fails here fails a transaction as a whole, with a ValidationException.
    struct PreparedUpdate {
        /// What the request's shape decided: table, compiled expressions, resolved actions.
        var shape: UpdateShape
        var key: DynamoItem
        var position: IndexKey
        var attributes: ExpressionAttributes
        var returnOnFailure: ReturnValuesOnConditionCheckFailure?
    }

    func prepareUpdate(
        table tableName: String, key: DynamoItem, update: String?, condition: String?,
        attributes: ExpressionAttributes, returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) -> PreparedUpdate {
        let table = try self.table(named: tableName)
        let position = try primaryKey(key, in: table)
        return PreparedUpdate(
            shape: try decideUpdateShape(table: table, update: update, condition: condition, attributes: attributes),
            key: key, position: position, attributes: attributes, returnOnFailure: returnOnFailure)
    }

    /// What an UpdateItem's shape decides: its expressions compiled and checked against its names and values,
    /// and the refusal of updates to key attributes. A class, handed as one reference to every request of the
    /// shape.
    final class UpdateShape {
        let table: StoredTable
        let update: CompiledUpdate?
        let actions: ResolvedUpdateActions?
        let condition: CompiledCondition?

        init(table: StoredTable, update: CompiledUpdate?, actions: ResolvedUpdateActions?, condition: CompiledCondition?) {
            self.table = table
            self.update = update
            self.actions = actions
            self.condition = condition
        }

        /// Whether a later request of the same shape may reuse this (see ``RequestShape``).
        var isReusable: Bool {
            !(update?.validationReadsValueContents ?? false) && !(condition?.validationReadsValueContents ?? false)
        }
    }

    private func decideUpdateShape(
        table: StoredTable, update: String?, condition: String?, attributes: ExpressionAttributes
    ) throws(DynamoDBError) -> UpdateShape {
        let compiledUpdate = try update.map { text throws(DynamoDBError) in try compiler.update(text) }
        let compiledCondition = try condition.map { text throws(DynamoDBError) in try compiler.condition(text) }
        var expressions: [any CompiledExpression] = []
        if let compiledUpdate { expressions.append(compiledUpdate) }
        if let compiledCondition { expressions.append(compiledCondition) }
        try validations.validate(attributes, usedBy: expressions)
        let actions = try compiledUpdate?.resolved(names: attributes.names)
        for name in actions?.topLevelNames ?? [] where table.key.contains(name) {
            throw .validation(
                "One or more parameter values were invalid: Cannot update attribute \(name). This attribute is part of the key"
            )
        }
        return UpdateShape(table: table, update: compiledUpdate, actions: actions, condition: compiledCondition)
    }

    /// ``prepareUpdate(table:key:update:condition:attributes:returnOnFailure:)`` for a lone UpdateItem, with the
    /// shape's decision from ``updateShapes`` when a request of this shape passed before. Brings the table's
    /// lagging indexes up to `now` first.
    private mutating func prepareRememberedUpdate(
        _ input: UpdateItemInput, now: Duration
    ) throws(DynamoDBError) -> PreparedUpdate {
        let attributes = ExpressionAttributes(
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        let texts = RequestShape.Texts(first: input.updateExpression, second: input.conditionExpression)
        if let shape = updateShapes.decision(
            table: input.tableName, expressions: texts, names: attributes.names, values: attributes.values)
        {
            shape.table.catchUpIndexes(at: now)
            return PreparedUpdate(
                shape: shape, key: input.key, position: try primaryKey(input.key, in: shape.table),
                attributes: attributes, returnOnFailure: input.returnValuesOnConditionCheckFailure)
        }
        catchUp(input.tableName, now: now)
        let prepared = try prepareUpdate(
            table: input.tableName, key: input.key, update: input.updateExpression,
            condition: input.conditionExpression, attributes: attributes,
            returnOnFailure: input.returnValuesOnConditionCheckFailure)
        if prepared.shape.isReusable {
            updateShapes.remember(prepared.shape, for: RequestShape(
                table: input.tableName, index: nil, expressions: texts, names: attributes.names,
                values: attributes.values))
        }
        return prepared
    }

    /// The item-dependent part of an update: the condition on the stored item, then the update applied to it
    /// and the result checked (types, sizes, index keys). A failure here is one action's cancellation reason
    /// in a transaction (ConditionalCheckFailed or ValidationError).
    func planUpdate(_ prepared: PreparedUpdate) throws(DynamoDBError) -> PlannedWrite {
        let shape = prepared.shape
        let (old, hint) = shape.table.lookup(prepared.position)
        try check(shape.condition, on: old?.attributes, prepared.attributes, prepared.returnOnFailure)
        var new = old?.attributes ?? prepared.key
        var updated: [String] = []
        if let update = shape.update, let actions = shape.actions {
            try update.apply(actions, to: &new, prepared.attributes)
            updated = actions.topLevelNames
        }
        let stored = try validateStoredItem(new, in: shape.table, at: prepared.position)
        return PlannedWrite(
            table: shape.table, primaryKey: prepared.position, primaryHint: hint, old: old, new: stored,
            updated: updated, writes: true)
    }

    func planDelete(
        table tableName: String, key: DynamoItem, condition: String?, attributes: ExpressionAttributes,
        returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) -> PlannedWrite {
        let table = try self.table(named: tableName)
        let position = try primaryKey(key, in: table)
        let compiledCondition = try condition.map { text throws(DynamoDBError) in try compiler.condition(text) }
        try validations.validate(attributes, usedBy: compiledCondition.map { [$0] } ?? [])
        let (old, hint) = table.lookup(position)
        try check(compiledCondition, on: old?.attributes, attributes, returnOnFailure)
        return PlannedWrite(
            table: table, primaryKey: position, primaryHint: hint, old: old, new: nil, updated: [],
            writes: old != nil)
    }

    func planConditionCheck(
        table tableName: String, key: DynamoItem, condition: String, attributes: ExpressionAttributes,
        returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) -> PlannedWrite {
        let table = try self.table(named: tableName)
        let position = try primaryKey(key, in: table)
        let compiledCondition = try compiler.condition(condition)
        try validations.validate(attributes, usedBy: [compiledCondition])
        let old = table.item(at: position)
        try check(compiledCondition, on: old?.attributes, attributes, returnOnFailure)
        return PlannedWrite(
            table: table, primaryKey: position, primaryHint: nil, old: old, new: old, updated: [], writes: false)
    }

    private func check(
        _ condition: CompiledCondition?, on old: DynamoItem?, _ attributes: ExpressionAttributes,
        _ returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) {
        guard let condition else { return }
        if try !condition.evaluate(old ?? [:], attributes) {
            throw .conditionalCheckFailed(item: returnOnFailure == .allOld ? old : nil)
        }
    }

    /// Applies a plan; when the request asks for `capacity`, returns the sizes of the index writes it caused.
    mutating func commit(_ plan: PlannedWrite, now: Duration, capacity: ReturnConsumedCapacity?) -> [String: [Int]] {
        guard plan.writes else { return [:] }
        let lag = indexLag.isEmpty ? nil : self.lag(for: plan.table.name)
        return plan.table.write(
            at: plan.primaryKey, hint: plan.primaryHint, old: plan.old, new: plan.new, now: now, lag: lag,
            countingIndexWrites: Self.counts(capacity))
    }

    private func writeCapacity(
        _ plan: PlannedWrite, _ indexWrites: [String: [Int]], _ mode: ReturnConsumedCapacity?
    ) -> ConsumedCapacity? {
        guard Self.counts(mode) else { return nil }
        return Self.consumedCapacity(
            mode, table: plan.table, isRead: false,
            tableUnits: CapacityUnits.write(bytes: plan.consumedBytes),
            indexUnits: Self.indexWriteUnits(indexWrites, transactional: false))
    }

    // MARK: Operations

    mutating func putItem(_ input: PutItemInput, now: Duration) throws(DynamoDBError) -> PutItemOutput {
        guard [nil, .nothing, .allOld].contains(input.returnValues) else {
            throw .validation("Return values set to invalid value")
        }
        catchUp(input.tableName, now: now)
        let plan = try planPut(
            table: input.tableName, item: input.item, condition: input.conditionExpression,
            attributes: ExpressionAttributes(names: input.expressionAttributeNames, values: input.expressionAttributeValues),
            returnOnFailure: input.returnValuesOnConditionCheckFailure)
        try checkThrottling(table: input.tableName, indexes: plan.table.globalIndexNames, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        return PutItemOutput(
            attributes: Self.returnedAttributes(
                input.returnValues, old: plan.old?.attributes, new: plan.new?.attributes, updated: plan.updated),
            consumedCapacity: writeCapacity(plan, indexWrites, input.returnConsumedCapacity))
    }

    mutating func updateItem(_ input: UpdateItemInput, now: Duration) throws(DynamoDBError) -> UpdateItemOutput {
        // Two statements: as one, `self` would be copied for `planUpdate` before the mutating preparation ran.
        let prepared = try prepareRememberedUpdate(input, now: now)
        let plan = try planUpdate(prepared)
        try checkThrottling(table: input.tableName, indexes: plan.table.globalIndexNames, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        return UpdateItemOutput(
            attributes: Self.returnedAttributes(
                input.returnValues, old: plan.old?.attributes, new: plan.new?.attributes, updated: plan.updated),
            consumedCapacity: writeCapacity(plan, indexWrites, input.returnConsumedCapacity))
    }

    mutating func deleteItem(_ input: DeleteItemInput, now: Duration) throws(DynamoDBError) -> DeleteItemOutput {
        guard [nil, .nothing, .allOld].contains(input.returnValues) else {
            throw .validation("Return values set to invalid value")
        }
        catchUp(input.tableName, now: now)
        let plan = try planDelete(
            table: input.tableName, key: input.key, condition: input.conditionExpression,
            attributes: ExpressionAttributes(names: input.expressionAttributeNames, values: input.expressionAttributeValues),
            returnOnFailure: input.returnValuesOnConditionCheckFailure)
        try checkThrottling(table: input.tableName, indexes: plan.table.globalIndexNames, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        return DeleteItemOutput(
            attributes: Self.returnedAttributes(input.returnValues, old: plan.old?.attributes, new: nil, updated: []),
            consumedCapacity: writeCapacity(plan, indexWrites, input.returnConsumedCapacity))
    }

    mutating func getItem(_ input: GetItemInput, now: Duration) throws(DynamoDBError) -> GetItemOutput {
        let table = try self.table(named: input.tableName)
        let projection = try input.projectionExpression.map { text throws(DynamoDBError) in try compiler.projection(text) }
        let attributes = ExpressionAttributes(names: input.expressionAttributeNames)
        try validations.validate(attributes, usedBy: projection.map { [$0] } ?? [])
        let position = try primaryKey(input.key, in: table)
        try checkThrottling(table: input.tableName, indexes: [], now: now)
        let item = table.item(at: position)
        let units = CapacityUnits.read(bytes: item?.size ?? 0, consistent: input.consistentRead ?? false)
        let returned: DynamoItem? =
            if let item, let projection { try projection.project(item.attributes, attributes) } else { item?.attributes }
        return GetItemOutput(
            item: returned,
            consumedCapacity: Self.consumedCapacity(
                input.returnConsumedCapacity, table: table, isRead: true, tableUnits: units, indexUnits: [:]))
    }
}
