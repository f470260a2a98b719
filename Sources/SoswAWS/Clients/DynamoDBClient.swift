import SoswCore

/// The live ``DynamoDB``: each call is a JSON 1.0 request (``DynamoDBOperation`` names it, ``AWSJSONCodec``
/// writes its body, as `sosw serve` reads them), sent through the client core.
///
/// Error responses become the same ``DynamoDBError`` values the in-memory fake throws (code, message, `Item`,
/// `CancellationReasons`), so callers handle one set of errors; codes the port does not model become an
/// ``AWSServiceError``.
public struct DynamoDBClient: DynamoDB, AWSServiceClient {
    /// The SigV4 signing name and endpoint prefix.
    public static let signingName = "dynamodb"
    public static let service = AWSService(
        serviceID: "DynamoDB", signingName: signingName,
        wireProtocol: .awsJson1_0(targetPrefix: DynamoDBOperation.targetPrefix), checksResponseCRC32: true)

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        guard let code = error.code.flatMap(DynamoDBError.Code.init(rawValue:)) else { return nil }
        let body = try? AWSJSONCodec.decode(DynamoDBErrorBody.self, from: error.body)
        return DynamoDBError(
            code: code, message: error.message ?? "", item: body?.item, cancellationReasons: body?.cancellationReasons)
    }

    public nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        try await call(.putItem, input)
    }

    public nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        try await call(.getItem, input)
    }

    public nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        try await call(.updateItem, input)
    }

    public nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        try await call(.deleteItem, input)
    }

    public nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        try await call(.query, input)
    }

    public nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        try await call(.scan, input)
    }

    public nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        try await call(.batchWriteItem, input)
    }

    public nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        try await call(.batchGetItem, input)
    }

    public nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        try await call(.transactWriteItems, input)
    }

    public nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput {
        try await call(.transactGetItems, input)
    }

    public nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await call(.createTable, input)
    }

    public nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await call(.describeTable, input)
    }

    public nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await call(.deleteTable, input)
    }

    public nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput {
        try await call(.listTables, input)
    }

    private nonisolated(nonsending) func call<Input: Encodable, Output: Decodable>(
        _ operation: DynamoDBOperation, _ input: Input
    ) async throws -> Output {
        try await client.jsonCall(operation.rawValue, input)
    }
}
