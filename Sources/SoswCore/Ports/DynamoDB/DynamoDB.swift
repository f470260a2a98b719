/// The DynamoDB port: the operations sosw needs, in the API's own request and response shapes, throwing
/// ``DynamoDBError`` with the service's codes and messages.
///
/// The core talks only to this protocol. The simulation plugs in the in-memory fake, production the live
/// client; because both speak the API's shapes, one behaviour suite checks both. Methods throw
/// untyped errors because a live client can also fail in transport; service errors are always
/// ``DynamoDBError``. Every call runs on its caller's executor (`nonisolated(nonsending)`): a simulation makes
/// millions of them, and a hop to the generic executor and back around each one cost a task switch apiece.
public protocol DynamoDB: Sendable {
    nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput
    nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput
    nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput
    nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput
    nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput
    nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput
    nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput
    nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput
    nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput
    nonisolated(nonsending) func transactGetItems(_ input: TransactGetItemsInput) async throws -> TransactGetItemsOutput
    nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput
    nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput
    nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput
    nonisolated(nonsending) func listTables(_ input: ListTablesInput) async throws -> ListTablesOutput
}
