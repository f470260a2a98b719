import SoswCore
import Synchronization

/// An in-memory DynamoDB that behaves like the service for every request shape sosw sends: the same
/// validation and messages, conditional writes, transactions, ordered range queries with paging, sparse and
/// projected indexes, and the service's capacity arithmetic.
///
/// Generic over the clock so a simulation runs it on virtual time. Simulation hooks, all off by default, make
/// calls take time (suspending on the clock), refuse some requests as a throttled table does, and let global
/// indexes lag behind the table; all chance comes from the injected seeded source. A `final class` with a
/// `Mutex`, not an actor: the fake sits on the hot path of every simulated task.
public final class InMemoryDynamoDB<C: Clock<Duration>>: DynamoDB, Sendable {
    private let clock: C
    private let origin: C.Instant
    private let random: any RandomSource
    private let state: Mutex<InMemoryDynamoDBState>
    private let latency = Mutex(Latency())
    /// Whether any latency is configured, readable without the lock: most runs configure none, and every call
    /// asks.
    private let hasLatency = Atomic(false)

    /// The virtual latency configured per table, and for every other table.
    private struct Latency {
        var perTable: [String: Distribution] = [:]
        var otherwise: Distribution?

        func delay(for table: String?) -> Distribution? {
            // Most runs configure none: no table name is hashed then.
            if perTable.isEmpty { return otherwise }
            return table.flatMap { perTable[$0] } ?? otherwise
        }
    }

    /// - Parameters:
    ///   - clock: the clock latencies suspend on and hooks read the time from (the kernel's virtual clock).
    ///   - random: the seeded source every simulated delay and throttling decision draws from.
    ///   - region, accountID: only used to build ARNs.
    public init(clock: C, random: any RandomSource, region: String = "us-east-1", accountID: String = "000000000000") {
        self.clock = clock
        self.origin = clock.now
        self.random = random
        self.state = Mutex(InMemoryDynamoDBState(random: random, region: region, accountID: accountID))
    }

    // MARK: Simulation hooks

    /// Every call on `table` (or on any table when `table` is nil and the table has no latency of its own)
    /// suspends for a delay drawn from `delay`; nil turns it off.
    public func setLatency(_ delay: Distribution?, forTable table: String? = nil) {
        latency.withLock { latency in
            if let table {
                latency.perTable[table] = delay
            } else {
                latency.otherwise = delay
            }
            hasLatency.store(!latency.perTable.isEmpty || latency.otherwise != nil, ordering: .releasing)
        }
    }

    /// Refuses requests on `table` (or on one of its indexes: queries on it, and writes to the table, which a
    /// throttled global index pushes back on) as `fault` says; nil turns it off.
    public func setThrottling(_ fault: ThrottlingFault<C.Instant>?, forTable table: String, index: String? = nil) {
        let rule = fault.map { fault in
            InMemoryDynamoDBState.ThrottlingRule(
                probability: fault.probability,
                window: fault.window.map { origin.duration(to: $0.lowerBound)..<origin.duration(to: $0.upperBound) },
                error: fault.error)
        }
        state.withLock { $0.throttling[.init(table: table, index: index)] = rule }
    }

    /// Makes the global index `index` of `table` reflect each write only after a delay drawn from `delay`;
    /// nil makes it immediate again (writes already in flight still arrive when due).
    public func setIndexLag(_ delay: Distribution?, forTable table: String, index: String) {
        state.withLock { $0.indexLag[.init(table: table, index: index)] = delay }
    }

    // MARK: The port

    public nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.putItem(input, now: now) }
    }

    public nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.getItem(input, now: now) }
    }

    public nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.updateItem(input, now: now) }
    }

    public nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.deleteItem(input, now: now) }
    }

    public nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.query(input, now: now) }
    }

    public nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.scan(input, now: now) }
    }

    public nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        try await simulateLatency(input.requestItems.keys.sorted().first)
        return try perform { state, now throws(DynamoDBError) in try state.batchWriteItem(input, now: now) }
    }

    public nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        try await simulateLatency(input.requestItems.keys.sorted().first)
        return try perform { state, now throws(DynamoDBError) in try state.batchGetItem(input, now: now) }
    }

    public nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        let first = input.transactItems.first.flatMap {
            $0.put?.tableName ?? $0.update?.tableName ?? $0.delete?.tableName ?? $0.conditionCheck?.tableName
        }
        try await simulateLatency(first)
        return try perform { state, now throws(DynamoDBError) in try state.transactWriteItems(input, now: now) }
    }

    public nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
        try await simulateLatency(input.transactItems.first?.get.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.transactGetItems(input, now: now) }
    }

    public nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, _ throws(DynamoDBError) in try state.createTable(input) }
    }

    public nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, now throws(DynamoDBError) in try state.describeTable(input, now: now) }
    }

    public nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await simulateLatency(input.tableName)
        return try perform { state, _ throws(DynamoDBError) in try state.deleteTable(input) }
    }

    public nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput {
        try await simulateLatency(nil)
        return try perform { state, _ throws(DynamoDBError) in try state.listTables(input) }
    }

    /// Whether `table` holds an item under `key`, read at once without latency, throttling or capacity: for a
    /// run's invariant checks, which look at the tables between the essentials' calls.
    func holdsItem(key: DynamoItem, inTable table: String) -> Bool {
        state.withLock { state in
            guard let stored = try? state.table(named: table), let position = try? state.primaryKey(key, in: stored) else {
                return false
            }
            return stored.item(at: position) != nil
        }
    }

    /// The tables' names, sorted: read at once, as ``items(inTable:)``.
    public var tableNames: [String] {
        state.withLock { $0.tables.keys.sorted() }
    }

    /// Every item of `table` in key order, read at once without latency, throttling, capacity or a call
    /// counted: for a test looking at the tables after a run; nil when there is no such table.
    public func items(inTable table: String) -> [DynamoItem]? {
        state.withLock { state in
            guard let stored = try? state.table(named: table) else { return nil }
            var items: [DynamoItem] = []
            stored.items.walk(from: stored.items.startPosition) { entry, _ in
                items.append(entry.pointee.value.attributes)
                return true
            }
            return items
        }
    }

    /// The provisioned tables, with the capacity provisioned and the units consumed so far: for a run's bill.
    public func provisionedUsage() -> [ProvisionedTableUsage] {
        state.withLock { $0.provisionedUsage }
    }

    // MARK: Machinery

    private func perform<Output: Sendable>(
        _ operation: (inout InMemoryDynamoDBState, Duration) throws(DynamoDBError) -> Output
    ) throws(DynamoDBError) -> Output {
        let now = origin.duration(to: clock.now)
        return try state.withLock { state throws(DynamoDBError) -> Output in try operation(&state, now) }
    }

    /// Inlined: a fake without latency then returns from a call without entering (and allocating the frame of)
    /// another async function.
    @inline(__always)
    private nonisolated(nonsending) func simulateLatency(_ table: String?) async throws {
        guard hasLatency.load(ordering: .acquiring), let delay = latency.withLock({ $0.delay(for: table) }) else {
            return
        }
        let duration = random.duration(delay)
        if duration > .zero {
            try await clock.sleep(until: clock.now.advanced(by: duration), tolerance: nil)
        }
    }
}
