import SoswCore

/// The in-memory DynamoDB's throughput on the request shapes sosw sends most: puts into a table with a
/// greenfield index, range queries on that index with Limit 10, and conditional "mark invoked" updates.
/// Runs inside a simulation (no latency hooks), so it measures the fake itself.
///
/// Requests are built in batches before they are sent, and freed after the batch; building and freeing are
/// timed apart from the calls: building a request (string interpolation, a dictionary per item) and freeing it
/// cost about as much as the fake serving it, and a figure that mixed the two would say little about either.
/// Both figures are reported.
public struct DynamoDBBenchmark: Sendable {
    public let operations: Int
    private let labourers = 10
    private let table = "bench_tasks"
    /// Requests built ahead of each run of calls: small enough to stay in cache, large enough that reading the
    /// clock around each batch costs nothing measurable.
    private let batchSize = 1024

    public init(operations: Int) {
        self.operations = operations
    }

    /// The three phases, in the order they must run (queries and updates need the items).
    public enum Phase: String, CaseIterable, Sendable {
        case putItem = "PutItem into a table with one GSI"
        case query = "Query on the GSI, greenfield range, Limit 10"
        case conditionalUpdate = "conditional UpdateItem (mark invoked)"
    }

    /// One phase's figures.
    public struct Measurement: Sendable {
        public var phase: Phase
        public var operations: Int
        /// Time spent inside the fake's calls.
        public var serving: Duration
        /// Time spent building the requests and freeing them.
        public var building: Duration

        /// Operations per second of the fake alone.
        public var servedPerSecond: Double { Double(operations) / serving.secondsValue }
        /// Operations per second counting the building of each request too.
        public var endToEndPerSecond: Double { Double(operations) / (serving + building).secondsValue }
    }

    /// Runs every phase on a fresh fake and returns its figures, timed on `clock` (a real clock: this measures).
    public func run(clock: some Clock<Duration>) throws -> [Measurement] {
        let executor = SimExecutor()
        let database = InMemoryDynamoDB(clock: executor.clock, random: SeededRandom(seed: 1))
        let table = table
        _ = try executor.run {
            try await database.createTable(CreateTableInput(
                tableName: table,
                keySchema: [.init(attributeName: "task_id", keyType: .hash)],
                attributeDefinitions: [
                    .init(attributeName: "task_id", attributeType: .string),
                    .init(attributeName: "labourer_id", attributeType: .string),
                    .init(attributeName: "greenfield", attributeType: .number),
                ],
                billingMode: .payPerRequest,
                globalSecondaryIndexes: [.init(
                    indexName: "bench_greenfield",
                    keySchema: [
                        .init(attributeName: "labourer_id", keyType: .hash),
                        .init(attributeName: "greenfield", keyType: .range),
                    ],
                    projection: .init(projectionType: .all))]))
        }
        return try Phase.allCases.map { phase in
            try executor.run { try await self.measure(phase, on: database, clock: clock) }
        }
    }

    private nonisolated(nonsending) func measure(
        _ phase: Phase, on database: some DynamoDB, clock: some Clock<Duration>
    ) async throws -> Measurement {
        var measurement = Measurement(phase: phase, operations: operations, serving: .zero, building: .zero)
        var start = 0
        while start < operations {
            let indices = start..<min(start + batchSize, operations)
            start = indices.upperBound
            switch phase {
            case .putItem:
                try await timeBatch(indices, build: putRequest, into: &measurement, clock: clock) { request in
                    _ = try await database.putItem(request)
                }
            case .query:
                try await timeBatch(indices, build: queryRequest, into: &measurement, clock: clock) { request in
                    let output = try await database.query(request)
                    precondition(output.count <= 10, "Limit 10 returned \(output.count) items")
                }
            case .conditionalUpdate:
                try await timeBatch(indices, build: updateRequest, into: &measurement, clock: clock) { request in
                    _ = try await database.updateItem(request)
                }
            }
        }
        return measurement
    }

    /// Builds the batch's requests, sends them, then frees them, adding the time of each step to `measurement`:
    /// building and freeing the requests is the caller's work, counted as building. Runs on the caller's executor,
    /// as `send` and the port's calls do: no executor hop per request. Inlined into each phase, so that building a
    /// batch runs specialized for its request type.
    @inline(__always)
    private nonisolated(nonsending) func timeBatch<Request>(
        _ indices: Range<Int>, build: (Int) -> Request, into measurement: inout Measurement,
        clock: some Clock<Duration>, send: nonisolated(nonsending) (borrowing Request) async throws -> Void
    ) async throws {
        let building = clock.now
        var requests = indices.map(build)
        let serving = clock.now
        for index in requests.indices { try await send(requests[index]) }
        let servingEnds = clock.now
        // Freed apart from the calls: releasing a batch of dictionaries is the requests' cost, not the fake's.
        requests = []
        let served = serving.duration(to: servingEnds)
        measurement.building += building.duration(to: serving) + servingEnds.duration(to: clock.now)
        measurement.serving += served
    }

    private func labourer(_ index: Int) -> AttributeValue {
        .s("labourer_\(index % labourers)")
    }

    private func putRequest(_ index: Int) -> PutItemInput {
        PutItemInput(tableName: table, item: [
            "task_id": .s("task_\(index)"), "labourer_id": labourer(index),
            "greenfield": .n(DynamoNumber(Int64(1000 + index * 1000))), "attempts": .n(0),
            "payload": .s("{\"n\": \(index)}"),
        ])
    }

    private func queryRequest(_ index: Int) -> QueryInput {
        QueryInput(
            tableName: table, indexName: "bench_greenfield",
            keyConditionExpression: "labourer_id = :l AND greenfield < :start",
            expressionAttributeValues: [":l": labourer(index), ":start": .n(DynamoNumber(Int64(1000 + index * 1000)))],
            limit: 10)
    }

    private func updateRequest(_ index: Int) -> UpdateItemInput {
        UpdateItemInput(
            tableName: table, key: ["task_id": .s("task_\(index)")],
            updateExpression: "SET greenfield = :invoked ADD attempts :one",
            conditionExpression: "greenfield < :start",
            expressionAttributeValues: [
                ":invoked": .n(DynamoNumber(Int64(1_800_000_000 + index))), ":one": .n(1),
                ":start": .n(1_767_578_400),
            ])
    }
}
