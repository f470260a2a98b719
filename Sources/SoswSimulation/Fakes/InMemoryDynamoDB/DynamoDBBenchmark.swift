import SoswCore

/// The in-memory DynamoDB's throughput on the request shapes sosw sends most: puts into a table with a
/// greenfield index, range queries on that index with Limit 10, and conditional "mark invoked" updates.
/// Runs inside a simulation (no latency hooks), so it measures the fake itself; the caller times each phase.
public struct DynamoDBBenchmark: Sendable {
    public let operations: Int
    private let labourers = 10
    private let table = "bench_tasks"

    public init(operations: Int) {
        self.operations = operations
    }

    /// The three phases, in the order they must run (queries and updates need the items).
    public enum Phase: String, CaseIterable, Sendable {
        case putItem = "PutItem into a table with one GSI"
        case query = "Query on the GSI, greenfield range, Limit 10"
        case conditionalUpdate = "conditional UpdateItem (mark invoked)"
    }

    /// Runs every phase on a fresh fake, calling `measure` around each with the phase and its body; the body
    /// returns how many operations it performed.
    public func run(measure: (Phase, () throws -> Int) throws -> Void) throws {
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
        for phase in Phase.allCases {
            try measure(phase) {
                try executor.run { try await self.perform(phase, on: database) }
            }
        }
    }

    private func perform(_ phase: Phase, on database: some DynamoDB) async throws -> Int {
        for index in 0..<operations {
            let labourer: AttributeValue = .s("labourer_\(index % labourers)")
            switch phase {
            case .putItem:
                _ = try await database.putItem(PutItemInput(tableName: table, item: [
                    "task_id": .s("task_\(index)"), "labourer_id": labourer,
                    "greenfield": .n(DynamoNumber(Int64(1000 + index * 1000))), "attempts": .n(0),
                    "payload": .s("{\"n\": \(index)}"),
                ]))
            case .query:
                let output = try await database.query(QueryInput(
                    tableName: table, indexName: "bench_greenfield",
                    keyConditionExpression: "labourer_id = :l AND greenfield < :start",
                    expressionAttributeValues: [":l": labourer, ":start": .n(DynamoNumber(Int64(1000 + index * 1000)))],
                    limit: 10))
                precondition(output.count <= 10, "Limit 10 returned \(output.count) items")
            case .conditionalUpdate:
                _ = try await database.updateItem(UpdateItemInput(
                    tableName: table, key: ["task_id": .s("task_\(index)")],
                    updateExpression: "SET greenfield = :invoked ADD attempts :one",
                    conditionExpression: "greenfield < :start",
                    expressionAttributeValues: [
                        ":invoked": .n(DynamoNumber(Int64(1_800_000_000 + index))), ":one": .n(1),
                        ":start": .n(1_767_578_400),
                    ]))
            }
        }
        return operations
    }
}
