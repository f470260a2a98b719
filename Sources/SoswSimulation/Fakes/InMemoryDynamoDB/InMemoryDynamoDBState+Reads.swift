import SoswCore

/// Query and Scan: a binary search to the first entry, then a walk in key order that stops at Limit or at
/// 1 MB read, applies the filter after that limit (as the service does), and hands back where to resume.
extension InMemoryDynamoDBState {
    /// What a Query or Scan page read.
    struct Page {
        var items: [DynamoItem] = []
        var count = 0
        var scannedCount = 0
        /// Where the last entry read is; its key becomes LastEvaluatedKey when the page stops before the range
        /// ends.
        var lastRead: OrderedStore<StoredItem>.Position?
        var indexBytes = 0
        var tableBytes = 0
    }

    /// A read request checked and compiled.
    struct PreparedRead {
        var table: StoredTable
        var index: IndexDefinition?
        var select: Select
        var filter: CompiledCondition?
        var projection: CompiledProjection?
        var attributes: ExpressionAttributes
        var startKey: IndexKey?
    }

    /// What a Query's shape decides: the table and index read, the Select in effect, the expressions compiled and
    /// checked, and the key condition bound to the key schema. A class, handed as one reference to every request
    /// of the shape.
    final class QueryShape {
        let table: StoredTable
        let index: IndexDefinition?
        /// The Select the request gave (part of the shape: the one in effect is decided from it).
        let requestedSelect: Select?
        let select: Select
        let filter: CompiledCondition?
        let projection: CompiledProjection?
        let keyCondition: KeyConditionBinding

        init(
            table: StoredTable, index: IndexDefinition?, requestedSelect: Select?, select: Select,
            filter: CompiledCondition?, projection: CompiledProjection?, keyCondition: KeyConditionBinding
        ) {
            self.table = table
            self.index = index
            self.requestedSelect = requestedSelect
            self.select = select
            self.filter = filter
            self.projection = projection
            self.keyCondition = keyCondition
        }
    }

    mutating func query(_ input: QueryInput, now: Duration) throws(DynamoDBError) -> QueryOutput {
        guard let keyConditionText = input.keyConditionExpression else {
            throw .validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        let texts = RequestShape.Texts(
            first: keyConditionText, second: input.filterExpression, third: input.projectionExpression)
        let names = input.expressionAttributeNames
        let values = input.expressionAttributeValues
        let attributes = ExpressionAttributes(names: names, values: values)
        let read: PreparedRead
        let range: KeyRange
        if let shape = queryShapes.decision(
            table: input.tableName, index: input.indexName, expressions: texts, names: names, values: values),
            shape.requestedSelect == input.select, let bound = shape.keyCondition.resolve(attributes)
        {
            shape.table.catchUpIndexes(at: now)
            try Self.checkReadOptions(input, index: shape.index)
            read = PreparedRead(
                table: shape.table, index: shape.index, select: shape.select, filter: shape.filter,
                projection: shape.projection, attributes: attributes,
                startKey: try checkedStartKey(of: input, table: shape.table, index: shape.index, now: now))
            range = try KeyRange(bound, key: shape.index?.key ?? shape.table.key)
        } else {
            let keyCondition = try compiler.keyCondition(keyConditionText)
            read = try prepare(input, keyCondition: keyCondition, now: now)
            let keyDefinition = read.index?.key ?? read.table.key
            let resolved = try keyCondition.resolve(
                read.attributes, partitionKey: keyDefinition.partitionName, sortKey: keyDefinition.sortName)
            range = try KeyRange(resolved, key: keyDefinition)
            let reusable = !keyCondition.validationReadsValueContents
                && !(read.filter?.validationReadsValueContents ?? false)
            if reusable, let binding = keyCondition.binding(
                names: names, partitionKey: keyDefinition.partitionName, sortKey: keyDefinition.sortName)
            {
                queryShapes.remember(
                    QueryShape(
                        table: read.table, index: read.index, requestedSelect: input.select, select: read.select,
                        filter: read.filter, projection: read.projection, keyCondition: binding),
                    for: RequestShape(
                        table: input.tableName, index: input.indexName, expressions: texts, names: names,
                        values: values))
            }
        }
        if let startKey = read.startKey, startKey.partitionBytes != range.partitionBytes[...] {
            throw .validation("The provided starting key is outside query boundaries based on provided conditions")
        }
        let store = read.table.store(for: read.index)
        let fetching = Self.fetchesTableItems(read)
        let forward = input.scanIndexForward ?? true
        var page = Page()
        page.items.reserveCapacity(min(input.limit ?? 16, 64))
        var stopped = false
        // Only the end a walk starts from is searched for; the other is a key each entry is compared with. A page
        // usually stops at Limit long before the range ends, and with a million entries a second binary search
        // for the far end was a fifth of a Limit-10 Query.
        if forward {
            var start = range.lowerBound(in: store)
            if let startKey = read.startKey {
                start = max(start, store.firstPosition(after: startKey))
            }
            let end = range.upperBoundKey
            try store.walk(from: start) { entry, position throws(DynamoDBError) in
                if let end, !(entry.pointee.key < end) { return false }
                stopped = try !Self.visit(
                    entry, at: position, read, fetching: fetching, limit: input.limit, into: &page)
                return !stopped
            }
        } else {
            let lower = range.lowerBoundKey
            var end = range.upperBound(in: store)
            if let startKey = read.startKey {
                end = min(end, store.firstPosition(atOrAfter: startKey))
            }
            try store.walkBackward(before: end) { entry, position throws(DynamoDBError) in
                if entry.pointee.key < lower { return false }
                stopped = try !Self.visit(
                    entry, at: position, read, fetching: fetching, limit: input.limit, into: &page)
                return !stopped
            }
        }
        chargeRead(page, read, input, now: now)
        return QueryOutput(
            items: read.select == .count ? nil : page.items, count: page.count, scannedCount: page.scannedCount,
            lastEvaluatedKey: stopped
                ? page.lastRead.map { lastEvaluatedKey(of: store[$0].value.attributes, read) } : nil,
            consumedCapacity: readCapacity(page, read, input))
    }

    mutating func scan(_ input: ScanInput, now: Duration) throws(DynamoDBError) -> ScanOutput {
        let segment = try Self.segment(input.segment, of: input.totalSegments)
        let read = try prepare(input, keyCondition: nil, now: now)
        let store = read.table.store(for: read.index)
        let fetching = Self.fetchesTableItems(read)
        var start = store.startPosition
        if let startKey = read.startKey {
            start = store.firstPosition(after: startKey)
        }
        var page = Page()
        var stopped = false
        try store.walk(from: start) { entry, position throws(DynamoDBError) in
            if let segment, Self.segmentNumber(of: entry.pointee.key.partition, among: segment.total) != segment.number {
                return true
            }
            stopped = try !Self.visit(entry, at: position, read, fetching: fetching, limit: input.limit, into: &page)
            return !stopped
        }
        chargeRead(page, read, input, now: now)
        return ScanOutput(
            items: read.select == .count ? nil : page.items, count: page.count, scannedCount: page.scannedCount,
            lastEvaluatedKey: stopped
                ? page.lastRead.map { lastEvaluatedKey(of: store[$0].value.attributes, read) } : nil,
            consumedCapacity: readCapacity(page, read, input))
    }

    // MARK: Shared steps

    private mutating func prepare(
        _ request: some ReadInput, keyCondition: CompiledKeyCondition?, now: Duration
    ) throws(DynamoDBError) -> PreparedRead {
        catchUp(request.tableName, now: now)
        let table = try self.table(named: request.tableName)
        let index = try self.index(named: request.indexName, of: table)
        try Self.checkReadOptions(request, index: index)
        let select = try Self.resolveSelect(request.select, projection: request.projectionExpression, index: index)
        let filter = try request.filterExpression.map { text throws(DynamoDBError) in try compiler.filter(text) }
        let projection = try request.projectionExpression.map { text throws(DynamoDBError) in try compiler.projection(text) }
        let attributes = ExpressionAttributes(
            names: request.expressionAttributeNames, values: request.expressionAttributeValues)
        var expressions: [any CompiledExpression] = []
        if let keyCondition { expressions.append(keyCondition) }
        if let filter { expressions.append(filter) }
        if let projection { expressions.append(projection) }
        try validations.validate(attributes, usedBy: expressions)
        if keyCondition != nil, let filter,
            let keyName = filter.keyAttributes(among: (index?.key ?? table.key).attributeNames, attributes).first
        {
            throw .validation(
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: \(keyName)")
        }
        return PreparedRead(
            table: table, index: index, select: select, filter: filter, projection: projection, attributes: attributes,
            startKey: try checkedStartKey(of: request, table: table, index: index, now: now))
    }

    /// The options checked on every request, whatever its shape: ConsistentRead against the index, and Limit.
    private static func checkReadOptions(_ request: some ReadInput, index: IndexDefinition?) throws(DynamoDBError) {
        if request.consistentRead == true, index?.isGlobal == true {
            throw .validation("Consistent reads are not supported on global secondary indexes")
        }
        if let limit = request.limit, limit < 1 {
            throw .validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        }
    }

    /// The last step of preparing any read, whatever its shape: where its ExclusiveStartKey puts it, then
    /// injected throttling on the table or index it reads.
    private func checkedStartKey(
        of request: some ReadInput, table: StoredTable, index: IndexDefinition?, now: Duration
    ) throws(DynamoDBError) -> IndexKey? {
        let startKey = try request.exclusiveStartKey.map { key throws(DynamoDBError) in
            try Self.startKey(key, table: table, index: index)
        }
        try checkThrottling(table: table.name, indexes: index.map { [$0.name] } ?? [], now: now)
        return startKey
    }

    /// Reads one entry (with its table item when `fetching`, see ``fetchesTableItems(_:)``) into the page; false
    /// once the page is full (Limit reached, or the entry would take it past 1 MB, in which case the entry is
    /// left for the next page). `lastRead` follows the last entry read; the walk turns it into LastEvaluatedKey
    /// only when it stops before the range is exhausted.
    @inline(__always)
    private static func visit(
        _ entry: UnsafePointer<OrderedStore<StoredItem>.Entry>,
        at position: OrderedStore<StoredItem>.Position,
        _ read: PreparedRead, fetching: Bool, limit: Int?, into page: inout Page
    ) throws(DynamoDBError) -> Bool {
        let indexBytes = entry.pointee.value.size
        let fetched = fetching ? tableItem(of: entry, in: read.table) : nil
        let tableBytes = fetched?.size ?? 0
        if page.scannedCount > 0, page.indexBytes + page.tableBytes + indexBytes + tableBytes > Self.pageBytes {
            // This item would take the page past 1 MB: the page ends before it.
            return false
        }
        page.scannedCount += 1
        page.indexBytes += indexBytes
        page.tableBytes += tableBytes
        page.lastRead = position
        if read.filter == nil, read.projection == nil {
            // The plain read, most reads: the stored attributes are handed out as they are, without taking the
            // item itself (a retain and release per entry).
            page.count += 1
            if read.select != .count { page.items.append(fetched?.attributes ?? entry.pointee.value.attributes) }
            return page.scannedCount != limit
        }
        let item = fetched ?? entry.pointee.value
        if try read.filter?.evaluate(item.attributes, read.attributes) ?? true {
            page.count += 1
            if read.select != .count {
                if let projection = read.projection {
                    page.items.append(try projection.project(item.attributes, read.attributes))
                } else {
                    page.items.append(item.attributes)
                }
            }
        }
        return page.scannedCount != limit
    }

    /// The table's item of a local index entry.
    private static func tableItem(
        of entry: UnsafePointer<OrderedStore<StoredItem>.Entry>, in table: StoredTable
    ) -> StoredItem? {
        table.item(at: entry.pointee.key.tableKey)
    }

    /// Whether each entry read needs its table item: a local index fetches the attributes it does not project
    /// from the table, at the table's cost.
    private static func fetchesTableItems(_ read: PreparedRead) -> Bool {
        guard let index = read.index, !index.isGlobal, index.projectionType != .all else { return false }
        switch read.select {
        case .allAttributes: return true
        case .specificAttributes:
            let names = (try? read.projection?.attributeNames(read.attributes)) ?? []
            let filterNeedsMore = read.filter != nil
            return filterNeedsMore || names.contains { !index.projects($0, tableKey: read.table.key) }
        default: return false
        }
    }

    /// The table's key attributes of the entry, and the index's when reading an index.
    private func lastEvaluatedKey(of item: DynamoItem, _ read: PreparedRead) -> DynamoItem {
        var key = DynamoItem(minimumCapacity: 4)
        read.table.key.copyKeyAttributes(of: item, into: &key)
        read.index?.key.copyKeyAttributes(of: item, into: &key)
        return key
    }

    private func readCapacity(_ page: Page, _ read: PreparedRead, _ request: some ReadInput) -> ConsumedCapacity? {
        guard Self.counts(request.returnConsumedCapacity) else { return nil }
        let units = Self.readUnits(page, read, request)
        return Self.consumedCapacity(
            request.returnConsumedCapacity, table: read.table, isRead: true, tableUnits: units.table,
            indexUnits: read.index.map { [$0.name: units.index] } ?? [:])
    }

    /// Charges a page read to the provisioned capacity of its table (or index).
    private mutating func chargeRead(_ page: Page, _ read: PreparedRead, _ request: some ReadInput, now: Duration) {
        guard provisioned[read.table.name] != nil else { return }
        let units = Self.readUnits(page, read, request)
        chargeRead(
            table: read.table.name, index: read.index?.name, tableUnits: units.table, indexUnits: units.index, now: now)
    }

    /// The read units of a page: from the index read (0 when reading the table itself) and from the table (the
    /// items read, or the items a local index fetched from it).
    private static func readUnits(
        _ page: Page, _ read: PreparedRead, _ request: some ReadInput
    ) -> (table: Double, index: Double) {
        let consistent = request.consistentRead ?? false
        guard read.index != nil else {
            return (CapacityUnits.read(bytes: page.indexBytes, consistent: consistent), 0)
        }
        let tableUnits = page.tableBytes > 0 ? CapacityUnits.read(bytes: page.tableBytes, consistent: consistent) : 0
        return (tableUnits, CapacityUnits.read(bytes: page.indexBytes, consistent: consistent))
    }

    /// The Select in effect, checked against the request as the service checks it.
    static func resolveSelect(_ select: Select?, projection: String?, index: IndexDefinition?) throws(DynamoDBError) -> Select {
        let resolved = select ?? (projection != nil ? .specificAttributes : (index == nil ? .allAttributes : .allProjectedAttributes))
        if projection != nil, resolved != .specificAttributes {
            throw .validation(
                "One or more parameter values were invalid: Select type \(resolved.rawValue) is not compatible with ProjectionExpression; use SPECIFIC_ATTRIBUTES")
        }
        if resolved == .specificAttributes, projection == nil {
            throw .validation(
                "One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires a ProjectionExpression")
        }
        if resolved == .allProjectedAttributes, index == nil {
            throw .validation(
                "One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is only supported when querying an index")
        }
        if resolved == .allAttributes, let index, index.isGlobal, index.projectionType != .all {
            throw .validation(
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index \(index.name) because its projection type is not ALL"
            )
        }
        return resolved
    }

    /// The position an ExclusiveStartKey names; it must hold exactly the table's key attributes, plus the
    /// index's when reading an index.
    static func startKey(_ key: DynamoItem, table: StoredTable, index: IndexDefinition?) throws(DynamoDBError) -> IndexKey {
        let invalid = DynamoDBError.validation("The provided starting key is invalid: The provided key element does not match the schema")
        guard let tablePart = table.key.scalars(of: key) else { throw invalid }
        guard let index else {
            guard key.count == table.key.attributeNames.count else { throw invalid }
            return IndexKey(partition: tablePart.partition, sort: tablePart.sort)
        }
        guard let indexPart = index.key.scalars(of: key),
            key.count == Set(table.key.attributeNames + index.key.attributeNames).count
        else { throw invalid }
        return IndexKey(
            partition: indexPart.partition, sort: indexPart.sort, tablePartition: tablePart.partition,
            tableSort: tablePart.sort)
    }

    /// Parallel scan: which segment this request reads, checked as the service checks it.
    static func segment(_ segment: Int?, of total: Int?) throws(DynamoDBError) -> (number: Int, total: Int)? {
        switch (segment, total) {
        case (nil, nil): return nil
        case (nil, _?): throw .validation("The TotalSegments parameter is specified but the Segment parameter is not provided")
        case (_?, nil): throw .validation("The Segment parameter is specified but the TotalSegments parameter is not provided")
        case (let segment?, let total?):
            guard total >= 1, total <= 1_000_000 else {
                throw .validation(
                    "1 validation error detected: Value '\(total)' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000")
            }
            guard segment >= 0, segment < total else {
                throw .validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(segment) is not less than TotalSegments: \(total)")
            }
            return (segment, total)
        }
    }

    /// A stable hash of the partition key (FNV-1a over its bytes, not Swift's per-process seeded `Hasher`),
    /// so a seeded run splits a table into the same segments every time.
    static func segmentNumber(of partition: KeyScalar, among total: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes: [UInt8] =
            switch partition {
            case .string(let text): Array(text.utf8)
            case .number(let number): Array(number.text.utf8)
            case .binary(let bytes): bytes
            }
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(total))
    }
}
