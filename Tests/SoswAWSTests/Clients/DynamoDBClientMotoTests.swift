import SoswAWS
import SoswCore
import Testing

/// The DynamoDB client on the shared core against moto's server: a table, a write, a read, and a refused
/// conditional write as the port's error (the behaviour suite checks the rest of the API).
@Suite("DynamoDBClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct DynamoDBClientMotoTests {
    @Test func writesReadsAndRefusesAConditionalWrite() async throws {
        let dynamo = try MotoServer.client(DynamoDBClient.self)
        let table = MotoServer.uniqueName("sosw_test")
        _ = try await dynamo.createTable(CreateTableInput(
            tableName: table, keySchema: [.init(attributeName: "task_id", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "task_id", attributeType: .string)], billingMode: .payPerRequest))
        _ = try await dynamo.putItem(PutItemInput(tableName: table, item: ["task_id": "t-1", "greenfield": 1_000]))
        let read = try await dynamo.getItem(GetItemInput(tableName: table, key: ["task_id": "t-1"], consistentRead: true))
        #expect(read.item == ["task_id": "t-1", "greenfield": 1_000])
        let error = await thrownError {
            _ = try await dynamo.putItem(PutItemInput(
                tableName: table, item: ["task_id": "t-1"], conditionExpression: "attribute_not_exists(task_id)"))
        }
        #expect((error as? DynamoDBError)?.code == .conditionalCheckFailed, "\(String(describing: error))")
        _ = try await dynamo.deleteTable(DeleteTableInput(tableName: table))
    }
}
