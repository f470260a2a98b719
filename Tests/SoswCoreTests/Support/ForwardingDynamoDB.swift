import SoswCore

/// A test double that changes a few DynamoDB calls and passes every other one to `base`: a conformer
/// implements only the calls it changes, the rest forward from here.
protocol ForwardingDynamoDB: DynamoDB {
    var base: any DynamoDB { get }
}

extension ForwardingDynamoDB {
    nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        try await base.putItem(input)
    }

    nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        try await base.getItem(input)
    }

    nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        try await base.updateItem(input)
    }

    nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        try await base.deleteItem(input)
    }

    nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        try await base.query(input)
    }

    nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        try await base.scan(input)
    }

    nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        try await base.batchWriteItem(input)
    }

    nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        try await base.batchGetItem(input)
    }

    nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        try await base.transactWriteItems(input)
    }

    nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
        try await base.transactGetItems(input)
    }

    nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await base.createTable(input)
    }

    nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await base.describeTable(input)
    }

    nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await base.deleteTable(input)
    }

    nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput {
        try await base.listTables(input)
    }
}
