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
        try check(compiledCondition, on: old, attributes, returnOnFailure)
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

    /// What a lone UpdateItem's shape decides, and the position of its item: the decision from ``updateShapes``
    /// when a request of this shape passed before, otherwise ``prepareUpdate(table:key:update:condition:attributes:returnOnFailure:)``'s.
    /// Brings the table's lagging indexes up to `now` first.
    private mutating func prepareRememberedUpdate(
        _ input: UpdateItemInput, attributes: ExpressionAttributes, now: Duration
    ) throws(DynamoDBError) -> (shape: UpdateShape, position: IndexKey) {
        let texts = RequestShape.Texts(first: input.updateExpression, second: input.conditionExpression)
        if let shape = updateShapes.decision(
            table: input.tableName, expressions: texts, names: attributes.names, values: attributes.values)
        {
            let table = shape.table
            table.catchUpIndexes(at: now)
            return (shape, try primaryKey(input.key, in: table))
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
        return (prepared.shape, prepared.position)
    }

    /// The item-dependent part of an update: the condition on the stored item, then the update applied to it
    /// and the result checked (types, sizes, index keys). A failure here is one action's cancellation reason
    /// in a transaction (ConditionalCheckFailed or ValidationError).
    func planUpdate(_ prepared: PreparedUpdate) throws(DynamoDBError) -> PlannedWrite {
        try planUpdate(
            shape: prepared.shape, key: prepared.key, at: prepared.position, attributes: prepared.attributes,
            returnOnFailure: prepared.returnOnFailure, inPlace: false)
    }

    /// ``planUpdate(_:)`` from the parts of a prepared update (a lone UpdateItem has them at hand and builds no
    /// ``PreparedUpdate``). With `inPlace` the update takes the stored item's attributes, changes them in place
    /// instead of a copy, and once it succeeds makes the stored item itself the updated one
    /// (``StoredItem/refile(_:_:)``): only for a write committed at once, by a request that needs nothing of the
    /// old item afterwards (see ``updatesInPlace(_:table:)``).
    func planUpdate(
        shape: UpdateShape, key: DynamoItem, at position: IndexKey, attributes: ExpressionAttributes,
        returnOnFailure: ReturnValuesOnConditionCheckFailure?, inPlace: Bool
    ) throws(DynamoDBError) -> PlannedWrite {
        let table = shape.table
        let (old, hint) = table.lookup(position)
        try check(shape.condition, on: old, attributes, returnOnFailure)
        guard let update = shape.update, let actions = shape.actions else {
            let stored = try validateStoredItem(old?.attributes ?? key, in: table, at: position)
            return PlannedWrite(
                table: table, primaryKey: position, primaryHint: hint, old: old, new: stored, updated: [],
                writes: true)
        }
        guard let old else {
            var new = key
            let stored = try update.apply(actions, to: &new, attributes) { item, _ throws(DynamoDBError) in
                try validateStoredItem(item, in: table, at: position)
            }
            return PlannedWrite(
                table: table, primaryKey: position, primaryHint: hint, old: nil, new: stored,
                updated: actions.topLevelNames, writes: true)
        }
        var new = inPlace ? old.takeAttributes() : old.attributes
        do throws(DynamoDBError) {
            let filing = try update.apply(actions, to: &new, attributes) { item, changes throws(DynamoDBError) in
                try validateUpdatedItem(item, changes: changes, old: old, in: table, at: position)
            }
            guard inPlace else {
                return PlannedWrite(
                    table: table, primaryKey: position, primaryHint: hint, old: old,
                    new: StoredItem(new, filing: filing), updated: actions.topLevelNames, writes: true)
            }
            return PlannedWrite(
                table: table, primaryKey: position, primaryHint: hint, old: nil, new: old,
                updated: actions.topLevelNames, writes: true, previousFiling: old.refile(new, filing))
        } catch {
            if inPlace { old.restoreAttributes(new) }
            throw error
        }
    }

    /// Whether a lone UpdateItem may change the stored item in place (see ``planUpdate(shape:key:at:attributes:returnOnFailure:inPlace:)``): its response
    /// must not return the old attributes or the capacity (whose index writes are told apart by comparing the old
    /// image with the new), no lagging index may still show the old item or come to, and no throttling rule may
    /// refuse the write after it is planned (the planned change would already have been made), and the table
    /// must not be provisioned (its capacity could refuse it likewise, and is charged for its index writes).
    func updatesInPlace(_ input: UpdateItemInput, table: StoredTable) -> Bool {
        input.returnValues != .allOld && input.returnValues != .updatedOld && !Self.counts(input.returnConsumedCapacity)
            && indexLag.isEmpty && !table.hasPendingIndexWrites && throttling.isEmpty && provisioned[table.name] == nil
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
        try check(compiledCondition, on: old, attributes, returnOnFailure)
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
        try check(compiledCondition, on: old, attributes, returnOnFailure)
        return PlannedWrite(
            table: table, primaryKey: position, primaryHint: nil, old: old, new: old, updated: [], writes: false)
    }

    /// The write's condition on the stored item; a missing item is the empty item.
    private func check(
        _ condition: CompiledCondition?, on old: StoredItem?, _ attributes: ExpressionAttributes,
        _ returnOnFailure: ReturnValuesOnConditionCheckFailure?
    ) throws(DynamoDBError) {
        guard let condition else { return }
        let holds =
            if let old { try condition.evaluate(old.attributes, attributes) } else {
                try condition.evaluate([:], attributes)
            }
        if !holds {
            throw .conditionalCheckFailed(item: returnOnFailure == .allOld ? old?.attributes : nil)
        }
    }

    /// Applies a plan; when the request asks for `capacity` or the table is provisioned, returns the sizes of the
    /// index writes it caused.
    mutating func commit(_ plan: PlannedWrite, now: Duration, capacity: ReturnConsumedCapacity?) -> [String: [Int]] {
        guard plan.writes else { return [:] }
        if let previous = plan.previousFiling, let item = plan.new {
            // Changed in place: no lagging index and no capacity to count (see `updatesInPlace`).
            plan.table.refile(item, previously: previous)
            return [:]
        }
        let lag = indexLag.isEmpty ? nil : self.lag(for: plan.table.name)
        return plan.table.write(
            at: plan.primaryKey, hint: plan.primaryHint, old: plan.old, new: plan.new, now: now, lag: lag,
            countingIndexWrites: countsIndexWrites(of: plan.table.name, for: capacity))
    }

    /// Charges a single-item write that went ahead to its table's provisioned capacity.
    private mutating func chargeWrite(_ plan: PlannedWrite, _ indexWrites: [String: [Int]], now: Duration) {
        guard provisioned[plan.table.name] != nil else { return }
        chargeWrite(
            table: plan.table.name, tableUnits: CapacityUnits.write(bytes: plan.consumedBytes),
            indexUnits: Self.indexWriteUnits(indexWrites, transactional: false), now: now)
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
        try checkWriteThrottling(plan.table, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        chargeWrite(plan, indexWrites, now: now)
        return PutItemOutput(
            attributes: Self.returnedAttributes(input.returnValues, of: plan),
            consumedCapacity: writeCapacity(plan, indexWrites, input.returnConsumedCapacity))
    }

    mutating func updateItem(_ input: UpdateItemInput, now: Duration) throws(DynamoDBError) -> UpdateItemOutput {
        let attributes = ExpressionAttributes(
            names: input.expressionAttributeNames, values: input.expressionAttributeValues)
        // Two statements: as one, `self` would be copied for `planUpdate` before the mutating preparation ran.
        let (shape, position) = try prepareRememberedUpdate(input, attributes: attributes, now: now)
        let plan = try planUpdate(
            shape: shape, key: input.key, at: position, attributes: attributes,
            returnOnFailure: input.returnValuesOnConditionCheckFailure,
            inPlace: updatesInPlace(input, table: shape.table))
        try checkWriteThrottling(plan.table, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        chargeWrite(plan, indexWrites, now: now)
        return UpdateItemOutput(
            attributes: Self.returnedAttributes(input.returnValues, of: plan),
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
        try checkWriteThrottling(plan.table, now: now)
        let indexWrites = commit(plan, now: now, capacity: input.returnConsumedCapacity)
        chargeWrite(plan, indexWrites, now: now)
        return DeleteItemOutput(
            attributes: Self.returnedAttributes(input.returnValues, of: plan),
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
        chargeRead(table: table.name, index: nil, tableUnits: units, now: now)
        let returned: DynamoItem? =
            if let item, let projection { try projection.project(item.attributes, attributes) } else { item?.attributes }
        return GetItemOutput(
            item: returned,
            consumedCapacity: Self.consumedCapacity(
                input.returnConsumedCapacity, table: table, isRead: true, tableUnits: units, indexUnits: [:]))
    }
}
