import SoswCore

/// The DynamoDB port with fault points in front of the fake: latency spikes, transient 500s
/// (InternalServerError, the request not applied) and conditional writes held back so that a competing write
/// lands first; and the crash point of a crashing essential run. Each firing is logged as a `fault` event.
struct FaultPointDynamoDB: DynamoDB {
    /// Which fault points are on.
    struct Faults: Sendable, Hashable {
        var latencySpike: ChanceOfDelay?
        var internalError = 0.0
        var conditionalRace: ChanceOfDelay?

        var any: Bool { latencySpike != nil || internalError > 0 || conditionalRace != nil }
    }

    let base: any DynamoDB
    let faults: Faults
    let clock: SimClock
    let log: EventLog
    private let spikes: SeededRandom
    private let errors: SeededRandom
    private let races: SeededRandom

    init(base: any DynamoDB, faults: Faults, clock: SimClock, log: EventLog, random: SeededRandom) {
        self.base = base
        self.faults = faults
        self.clock = clock
        self.log = log
        spikes = random.stream("faults/dynamodb/latency_spike")
        errors = random.stream("faults/dynamodb/internal_error")
        races = random.stream("faults/dynamodb/conditional_race")
    }

    /// The fault points a call passes before it reaches the fake, in the order a request meets them: the
    /// crash of its process, the network, the service's own race window, the service's answer.
    private nonisolated(nonsending) func before(_ operation: String, table: String?, conditional: Bool) async throws {
        try EssentialCrash.beforeCall()
        if let spike = faults.latencySpike {
            try await hold("dynamodb_latency_spike", spike, drawnFrom: spikes, operation, table)
        }
        if conditional, let race = faults.conditionalRace {
            try await hold("dynamodb_conditional_race", race, drawnFrom: races, operation, table)
        }
        if faults.internalError > 0, errors.bernoulli(faults.internalError) {
            log.recordFault("dynamodb_internal_error", at: clock.currentTime(), fields(operation, table, [:]))
            throw DynamoDBError(code: .internalServerError, message: "Internal server error")
        }
    }

    /// With the chance's probability, holds the request back for a uniform draw up to its delay, logged as `kind`.
    private nonisolated(nonsending) func hold(
        _ kind: String, _ chance: ChanceOfDelay, drawnFrom random: SeededRandom, _ operation: String, _ table: String?
    ) async throws {
        guard random.bernoulli(chance.probability) else { return }
        let delay = random.duration(.uniform(.zero, chance.delay))
        log.recordFault(kind, at: clock.currentTime(), fields(operation, table, ["delay": .double(delay.secondsValue)]))
        try await clock.sleep(for: delay)
    }

    private func fields(_ operation: String, _ table: String?, _ extra: EventFields) -> EventFields {
        var fields = extra
        fields["operation"] = .string(operation)
        if let table { fields["table"] = .string(table) }
        return fields
    }

    nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        try await before("PutItem", table: input.tableName, conditional: input.conditionExpression != nil)
        return try await base.putItem(input)
    }

    nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        try await before("GetItem", table: input.tableName, conditional: false)
        return try await base.getItem(input)
    }

    nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        try await before("UpdateItem", table: input.tableName, conditional: input.conditionExpression != nil)
        return try await base.updateItem(input)
    }

    nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        try await before("DeleteItem", table: input.tableName, conditional: input.conditionExpression != nil)
        return try await base.deleteItem(input)
    }

    nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        try await before("Query", table: input.tableName, conditional: false)
        return try await base.query(input)
    }

    nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        try await before("Scan", table: input.tableName, conditional: false)
        return try await base.scan(input)
    }

    nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        try await before("BatchWriteItem", table: input.requestItems.keys.sorted().first, conditional: false)
        return try await base.batchWriteItem(input)
    }

    nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        try await before("BatchGetItem", table: input.requestItems.keys.sorted().first, conditional: false)
        return try await base.batchGetItem(input)
    }

    nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        try await before("TransactWriteItems", table: nil, conditional: true)
        return try await base.transactWriteItems(input)
    }

    nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
        try await before("TransactGetItems", table: input.transactItems.first?.get.tableName, conditional: false)
        return try await base.transactGetItems(input)
    }

    nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await before("CreateTable", table: input.tableName, conditional: false)
        return try await base.createTable(input)
    }

    nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await before("DescribeTable", table: input.tableName, conditional: false)
        return try await base.describeTable(input)
    }

    nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await before("DeleteTable", table: input.tableName, conditional: false)
        return try await base.deleteTable(input)
    }

    nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput {
        try await before("ListTables", table: nil, conditional: false)
        return try await base.listTables(input)
    }
}
