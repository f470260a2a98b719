/// A DynamoDB port that counts every call and the capacity it consumed into an ``AWSCallCounter``.
///
/// It asks for `TOTAL` consumed capacity when the caller did not ask for any, so the figures are complete.
public struct CountedDynamoDB: DynamoDB {
    public let base: any DynamoDB
    public let counter: AWSCallCounter

    public init(_ base: any DynamoDB, counter: AWSCallCounter) {
        self.base = base
        self.counter = counter
    }

    private static func units(_ capacity: ConsumedCapacity?) -> Double {
        guard let capacity else { return 0 }
        return capacity.capacityUnits ?? ((capacity.readCapacityUnits ?? 0) + (capacity.writeCapacityUnits ?? 0))
    }

    private static func units(_ capacities: [ConsumedCapacity]?) -> Double {
        (capacities ?? []).reduce(0) { $0 + units($1) }
    }

    public nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.PutItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.putItem(input)
        }
    }

    public nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.GetItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.getItem(input)
        }
    }

    public nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.UpdateItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.updateItem(input)
        }
    }

    public nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.DeleteItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.deleteItem(input)
        }
    }

    public nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.Query", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.query(input)
        }
    }

    public nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.Scan", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.scan(input)
        }
    }

    public nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.BatchWriteItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.batchWriteItem(input)
        }
    }

    public nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.BatchGetItem", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.batchGetItem(input)
        }
    }

    public nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure(
            "DynamoDB.TransactWriteItems", capacity: { Self.units($0.consumedCapacity) }
        ) {
            try await base.transactWriteItems(input)
        }
    }

    public nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
        var input = input
        input.returnConsumedCapacity = input.returnConsumedCapacity ?? .total
        return try await counter.measure("DynamoDB.TransactGetItems", capacity: { Self.units($0.consumedCapacity) }) {
            try await base.transactGetItems(input)
        }
    }

    public nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await counter.measure("DynamoDB.CreateTable") { try await base.createTable(input) }
    }

    public nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await counter.measure("DynamoDB.DescribeTable") { try await base.describeTable(input) }
    }

    public nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await counter.measure("DynamoDB.DeleteTable") { try await base.deleteTable(input) }
    }

    public nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput {
        try await counter.measure("DynamoDB.ListTables") { try await base.listTables(input) }
    }
}
