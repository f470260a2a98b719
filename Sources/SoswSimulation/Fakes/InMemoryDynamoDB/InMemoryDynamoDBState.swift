import SoswCore

/// Everything the in-memory DynamoDB holds, and the operations on it. Non-generic and synchronous: the
/// generic ``InMemoryDynamoDB`` wraps it in a `Mutex`, handles virtual latency on its clock, and passes the
/// current time in as the duration since the fake was created.
struct InMemoryDynamoDBState {
    /// A table, or one index of a table, that a simulation hook applies to.
    struct HookTarget: Hashable, Sendable {
        var table: String
        var index: String?
    }

    /// Injected throttling with its window in time since the fake was created.
    struct ThrottlingRule: Sendable {
        var probability: Double
        var window: Range<Duration>?
        var error: DynamoDBError
    }

    static let maximumItemBytes = 400 * 1024
    static let pageBytes = 1024 * 1024

    var tables: [String: StoredTable] = [:]
    var throttling: [HookTarget: ThrottlingRule] = [:]
    /// The capacity of each table created with `BillingMode PROVISIONED`, by table name.
    var provisioned: [String: ProvisionedCapacity] = [:]
    var indexLag: [HookTarget: Distribution] = [:]
    /// Decisions of recent UpdateItem shapes; emptied whenever a table is created or deleted.
    var updateShapes = ShapeMemo<UpdateShape>()
    /// Decisions of recent Query shapes, emptied likewise.
    var queryShapes = ShapeMemo<QueryShape>()
    let random: any RandomSource
    let compiler: ExpressionCompiler
    let validations: ExpressionValidationCache
    let region: String
    let accountID: String

    init(random: any RandomSource, region: String, accountID: String) {
        self.random = random
        self.compiler = ExpressionCompiler()
        self.validations = ExpressionValidationCache()
        self.region = region
        self.accountID = accountID
    }

    // MARK: Lookups

    func table(named name: String) throws(DynamoDBError) -> StoredTable {
        guard let table = tables[name] else {
            throw .resourceNotFound("Requested resource not found")
        }
        return table
    }

    func index(named name: String?, of table: StoredTable) throws(DynamoDBError) -> IndexDefinition? {
        guard let name else { return nil }
        guard let index = table.index(named: name) else {
            throw .validation("The table does not have the specified index: \(name)")
        }
        return index
    }

    /// Drops every remembered request shape: they hold tables, and a table created or deleted changes what a
    /// shape naming it decides.
    mutating func forgetShapes() {
        updateShapes.removeAll()
        queryShapes.removeAll()
    }

    // MARK: Simulation hooks

    /// Refuses a read of the table (or of the one index in `indexes`) when its provisioned capacity is used
    /// up, or when a throttling rule on the table or the index fires now.
    func checkThrottling(table: String, indexes: [String], now: Duration) throws(DynamoDBError) {
        if !provisioned.isEmpty { try checkReadCapacity(table: table, index: indexes.first, now: now) }
        try checkInjectedThrottling(table: table, indexes: indexes, now: now)
    }

    /// Refuses the request when a throttling rule on the table or one of `indexes` fires now.
    private func checkInjectedThrottling(table: String, indexes: [String], now: Duration) throws(DynamoDBError) {
        if throttling.isEmpty { return }
        for target in [HookTarget(table: table, index: nil)] + indexes.map({ HookTarget(table: table, index: $0) }) {
            guard let rule = throttling[target] else { continue }
            if let window = rule.window, !window.contains(now) { continue }
            if random.bernoulli(rule.probability) { throw rule.error }
        }
    }

    /// ``checkThrottling(table:indexes:now:)`` for a write to `table`, which its global indexes push back on too;
    /// asks nothing of the table when no table is provisioned and no throttling is configured (most runs).
    func checkWriteThrottling(_ table: StoredTable, now: Duration) throws(DynamoDBError) {
        if !provisioned.isEmpty { try checkWriteCapacity(table: table.name, now: now) }
        if throttling.isEmpty { return }
        try checkInjectedThrottling(table: table.name, indexes: table.globalIndexNames, now: now)
    }

    /// Brings the lagging indexes of a table up to `now` before a read or write looks at them.
    mutating func catchUp(_ tableName: String, now: Duration) {
        tables[tableName]?.catchUpIndexes(at: now)
    }

    func lag(for table: String) -> (IndexDefinition) -> Duration? {
        let rules = indexLag
        let random = random
        return { index in
            rules[HookTarget(table: table, index: index.name)].map { random.duration($0) }
        }
    }

    // MARK: Keys and items

    /// The position of the item a request's `Key` names, checking it has exactly the key attributes.
    func primaryKey(_ key: DynamoItem, in table: StoredTable) throws(DynamoDBError) -> IndexKey {
        guard key.count == table.key.attributeCount, let position = table.primaryKey(of: key) else {
            // No key attribute has an empty name, so a key with one never matches the schema.
            if key.keys.contains("") { throw Self.emptyAttributeName }
            throw .validation("The provided key element does not match the schema")
        }
        if position.hasEmptyPartition { throw Self.emptyKey(table.key.partitionName) }
        if let sortName = table.key.sortName, position.hasEmptySort { throw Self.emptyKey(sortName) }
        try Self.checkKeySizes(key, at: position, in: table)
        return position
    }

    private static func emptyKey(_ name: String) -> DynamoDBError {
        .validation(
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: \(name)"
        )
    }

    /// Checks an item about to be stored whole (PutItem, a transaction's Put, a batch put): its key, its
    /// index keys, its values and its size. Returns its position and the item with its size.
    func validateNewItem(
        _ item: DynamoItem, in table: StoredTable
    ) throws(DynamoDBError) -> (position: IndexKey, stored: StoredItem) {
        let partition = try Self.validateKeyAttribute(table.key.partitionName, table.key.partitionType, of: item)
        let sort = try table.key.sortName.map { name throws(DynamoDBError) in
            try Self.validateKeyAttribute(name, table.key.sortType, of: item)
        }
        try Self.checkKeySizes(partition: partition, sort: sort)
        let position = IndexKey(partition: partition, sort: sort)
        return (position, try validateStoredItem(item, in: table, at: position))
    }

    /// A key attribute of an item to store: present, of the key's type, not empty. Returns its value.
    private static func validateKeyAttribute(
        _ name: String, _ type: ScalarAttributeType?, of item: DynamoItem
    ) throws(DynamoDBError) -> AttributeValue {
        guard let value = item[name] else {
            throw .validation("One or more parameter values were invalid: Missing the key \(name) in the item")
        }
        if !(type.map { KeyDefinition.has(value, $0) } ?? false) {
            throw .validation(
                "One or more parameter values were invalid: Type mismatch for key \(name) expected: \(type?.rawValue ?? "") actual: \(value.typeName)"
            )
        }
        if Self.isEmptyKeyValue(value) { throw Self.emptyKey(name) }
        return value
    }

    /// Checks an item's index keys, values and size (after an update, or as part of ``validateNewItem``), and
    /// returns it as the table at `position` will store it: with its size and its keys in the table's indexes.
    func validateStoredItem(
        _ item: DynamoItem, in table: StoredTable, at position: IndexKey
    ) throws(DynamoDBError) -> StoredItem {
        // Each index key attribute is looked up once: checked, then encoded into the item's key in that index
        // (none when the item lacks it: a sparse index leaves the item out).
        let indexKeys = try Self.indexKeys(in: table) { _, index throws(DynamoDBError) in
            try Self.indexKey(of: item, in: index, at: position)
        }
        // One pass sizes the item and looks for sets, maps and lists, the only values that can be invalid, and
        // for an empty attribute name; the sorted walk (so that the first bad attribute by name is the one
        // reported) runs only when it holds one.
        var size = 0
        var mayBeInvalid = false
        for (name, value) in item {
            size += name.utf8.count + value.storageSize
            mayBeInvalid = mayBeInvalid || value.isContainer || name.isEmpty
        }
        if mayBeInvalid {
            for name in item.keys.sorted() {
                if name.isEmpty { throw Self.emptyAttributeName }
                if let value = item[name] { try Self.validateValue(value) }
            }
        }
        return StoredItem(item, filing: try Self.filing(size: size, indexKeys: indexKeys))
    }

    /// ``validateStoredItem(_:in:at:)`` for `item`, an update of the stored `old`, by what the update changed:
    /// the attributes it left were checked when `old` was stored, so only the changed ones are checked, the size
    /// moves by their difference, and an index key is rebuilt only where a key attribute changed, from the
    /// changed values (see ``indexKey(afterUpdate:of:in:at:_:)``). The outcome, and the first error, are the whole
    /// check's; its cost no longer grows with the item. Returns how the table files the updated item, for a new
    /// stored item or for `old` changed in place.
    func validateUpdatedItem(
        _ item: DynamoItem, changes: UpdateUndoLog, old: StoredItem, in table: StoredTable, at position: IndexKey
    ) throws(DynamoDBError) -> StoredItem.Filing {
        let indexKeys = try Self.indexKeys(in: table) { ordinal, index throws(DynamoDBError) in
            try Self.indexKey(afterUpdate: changes, of: old.indexKey(in: ordinal), in: index, at: position, item)
        }
        try changes.forEachChangedContainer { value throws(DynamoDBError) in try Self.validateValue(value) }
        return try Self.filing(size: old.size + changes.sizeChange, indexKeys: indexKeys)
    }

    /// The updated item's key in `index`, given its key there before the update (`old`, nil when it was not in
    /// the index): the old key when the update left the index's key attributes alone; the old key with a new sort
    /// component when only the sort key changed (the partition component was checked when it was stored);
    /// otherwise built from the values, the changed ones taken from `changes` and the others from `item`.
    private static func indexKey(
        afterUpdate changes: UpdateUndoLog, of old: IndexKey?, in index: IndexDefinition, at position: IndexKey,
        _ item: DynamoItem
    ) throws(DynamoDBError) -> IndexKey? {
        let partitionName = index.key.partitionName
        let changedPartition = changes.currentValue(of: partitionName)
        let changedSort = index.key.sortName.flatMap { changes.currentValue(of: $0) }
        if changedPartition == nil && changedSort == nil { return old }
        if changedPartition == nil, let old, let sortName = index.key.sortName, let sortType = index.key.sortType,
            let newSort = changedSort
        {
            guard let sort = try validateIndexKeyAttribute(sortName, sortType, newSort, isPartition: false, in: index)
            else { return nil }
            return IndexKey(old, replacingSortWith: sort)
        }
        return try indexKey(
            partition: changedPartition ?? item[partitionName],
            sort: changedSort ?? index.key.sortName.flatMap { item[$0] }, in: index, at: position)
    }

    /// The item's key in each index of `table`, from `key` (given the index's ordinal and definition), the first
    /// index's apart as ``StoredItem`` keeps it.
    private static func indexKeys(
        in table: StoredTable, _ key: (Int, IndexDefinition) throws(DynamoDBError) -> IndexKey?
    ) throws(DynamoDBError) -> (first: IndexKey?, later: [IndexKey?]) {
        let indexes = table.indexes
        var first: IndexKey?
        var later: [IndexKey?] = []
        if indexes.count > 1 { later.reserveCapacity(indexes.count - 1) }
        for ordinal in indexes.indices {
            let indexKey = try key(ordinal, indexes[ordinal])
            if ordinal == 0 { first = indexKey } else { later.append(indexKey) }
        }
        return (first, later)
    }

    /// How a table files a checked item of `size` bytes, unless it is over DynamoDB's item size limit.
    private static func filing(
        size: Int, indexKeys: (first: IndexKey?, later: [IndexKey?])
    ) throws(DynamoDBError) -> StoredItem.Filing {
        if size > maximumItemBytes {
            throw .validation("Item size has exceeded the maximum allowed size")
        }
        return StoredItem.Filing(size: size, firstIndexKey: indexKeys.first, laterIndexKeys: indexKeys.later)
    }

    /// The item's key in `index` (its table position at `position`), each index key attribute it has checked;
    /// nil when it lacks one (a sparse index leaves it out).
    private static func indexKey(
        of item: DynamoItem, in index: IndexDefinition, at position: IndexKey
    ) throws(DynamoDBError) -> IndexKey? {
        try indexKey(
            partition: item[index.key.partitionName], sort: index.key.sortName.flatMap { item[$0] }, in: index,
            at: position)
    }

    /// The key in `index` of the item at `position` whose index key attributes hold `partition` and `sort` (nil
    /// where it lacks one), each checked; nil when it lacks one (a sparse index leaves it out).
    private static func indexKey(
        partition: AttributeValue?, sort: AttributeValue?, in index: IndexDefinition, at position: IndexKey
    ) throws(DynamoDBError) -> IndexKey? {
        let partition = try validateIndexKeyAttribute(
            index.key.partitionName, index.key.partitionType, partition, isPartition: true, in: index)
        guard let sortName = index.key.sortName, let sortType = index.key.sortType else {
            return partition.map { IndexKey(index: $0, sort: nil, primaryKey: position) }
        }
        let sort = try validateIndexKeyAttribute(sortName, sortType, sort, isPartition: false, in: index)
        guard let partition, let sort else { return nil }
        return IndexKey(index: partition, sort: sort, primaryKey: position)
    }

    /// An index key attribute's value (`value`, nil when the item lacks it) must have the index's type, not be
    /// empty and be within the size limit of the index's partition key (`isPartition`) or sort key. Returns it, or
    /// nil when the item lacks it.
    private static func validateIndexKeyAttribute(
        _ name: String, _ type: ScalarAttributeType, _ value: AttributeValue?, isPartition: Bool,
        in index: IndexDefinition
    ) throws(DynamoDBError) -> AttributeValue? {
        guard let value else { return nil }
        if !KeyDefinition.has(value, type) {
            throw .validation(
                "One or more parameter values were invalid: Type mismatch for Index Key \(name) Expected: \(type.rawValue) Actual: \(value.typeName) IndexName: \(index.name)"
            )
        }
        if Self.isEmptyKeyValue(value) {
            throw .validation(
                "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: \(index.name), IndexKey: \(name)"
            )
        }
        try checkIndexKeySize(name, value, isPartition: isPartition, in: index)
        return value
    }

    /// An empty string or binary, which no key attribute may hold.
    private static func isEmptyKeyValue(_ value: AttributeValue) -> Bool {
        switch value {
        case .s(let text): text.isEmpty
        case .b(let bytes): bytes.isEmpty
        default: false
        }
    }

    /// Sets must be non-empty and without duplicates, at any depth, and lists and maps no deeper than
    /// ``maximumContainerDepth``; `depth` is how many lists and maps hold `value` plus one (1 for an attribute).
    static func validateValue(_ value: AttributeValue, depth: Int = 1) throws(DynamoDBError) {
        switch value {
        case .ss(let strings):
            if strings.isEmpty { throw .validation("One or more parameter values were invalid: An string set  may not be empty") }
            if Set(strings).count != strings.count { throw duplicates(strings) }
        case .ns(let numbers):
            if numbers.isEmpty { throw .validation("One or more parameter values were invalid: An number set  may not be empty") }
            if Set(numbers).count != numbers.count { throw duplicates(numbers.map(\.text)) }
        case .bs(let binaries):
            if binaries.isEmpty { throw .validation("One or more parameter values were invalid: Binary sets should not be empty") }
            if Set(binaries).count != binaries.count { throw duplicates(binaries.map { "\($0)" }) }
        case .m(let members):
            if depth > maximumContainerDepth { throw nestingTooDeep }
            for name in members.keys.sorted() { try validateValue(members[name]!, depth: depth + 1) }
        case .l(let elements):
            if depth > maximumContainerDepth { throw nestingTooDeep }
            for element in elements { try validateValue(element, depth: depth + 1) }
        case .s, .n, .b, .bool, .null:
            break
        }
    }

    private static func duplicates(_ members: [String]) -> DynamoDBError {
        .validation("One or more parameter values were invalid: Input collection [\(members.joined(separator: ", "))] contains duplicates.")
    }

    // MARK: Responses

    /// The attributes ReturnValues asks for of a planned write; nil when that is nothing. The images are only
    /// read when asked for (most requests want none).
    static func returnedAttributes(_ returnValues: ReturnValues?, of plan: PlannedWrite) -> DynamoItem? {
        let attributes: DynamoItem?
        switch returnValues ?? .nothing {
        case .nothing: return nil
        case .allOld: attributes = plan.old?.attributes
        case .allNew: attributes = plan.new?.attributes
        case .updatedOld: attributes = plan.old?.attributes.filter { plan.updated.contains($0.key) }
        case .updatedNew: attributes = plan.new?.attributes.filter { plan.updated.contains($0.key) }
        }
        guard let attributes, !attributes.isEmpty else { return nil }
        return attributes
    }

    /// The ConsumedCapacity a response carries for `mode`: the total with TOTAL, and the table and each
    /// index apart with INDEXES.
    static func consumedCapacity(
        _ mode: ReturnConsumedCapacity?, table: StoredTable, isRead: Bool, tableUnits: Double,
        indexUnits: [String: Double]
    ) -> ConsumedCapacity? {
        guard let mode, Self.counts(mode) else { return nil }
        let total = tableUnits + indexUnits.values.reduce(0, +)
        func capacity(_ units: Double) -> Capacity {
            Capacity(
                readCapacityUnits: isRead ? units : nil, writeCapacityUnits: isRead ? nil : units, capacityUnits: units)
        }
        var consumed = ConsumedCapacity(
            tableName: table.name, capacityUnits: total, readCapacityUnits: isRead ? total : nil,
            writeCapacityUnits: isRead ? nil : total)
        if mode == .indexes {
            consumed.table = capacity(tableUnits)
            var global: [String: Capacity] = [:]
            var local: [String: Capacity] = [:]
            for (name, units) in indexUnits {
                if table.index(named: name)?.isGlobal == true {
                    global[name] = capacity(units)
                } else {
                    local[name] = capacity(units)
                }
            }
            consumed.globalSecondaryIndexes = global.isEmpty ? nil : global
            consumed.localSecondaryIndexes = local.isEmpty ? nil : local
        }
        return consumed
    }

    /// Whether a request asks for capacity at all (only then are index writes counted).
    static func counts(_ mode: ReturnConsumedCapacity?) -> Bool {
        mode != nil && mode != .nothing
    }

    /// Write units per index for the index writes a table write caused.
    static func indexWriteUnits(_ writes: [String: [Int]], transactional: Bool) -> [String: Double] {
        writes.mapValues { sizes in
            sizes.reduce(0) { $0 + CapacityUnits.write(bytes: $1, transactional: transactional) }
        }
    }
}
