import Logging
import SoswAWS
import SoswCore
import Testing

/// The redrive against moto's server through the live DynamoDB client: dead tasks are read 100 keys a
/// `BatchGetItem`, never one `GetItem` each, and all of them go back to the queue.
@Suite("Redrive against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct RedriveMotoTests {
    @Test func deadTasksAreReadInBatchesAndAllRequeued() async throws {
        let dynamo = try MotoServer.client(DynamoDBClient.self)
        let prefix = MotoServer.uniqueName("sosw_redrive").replacingOccurrences(of: "-", with: "_")
        let config = try TaskManagerConfig(document: [
            "dynamo_db_config": ["table_name": .string("\(prefix)_tasks")],
            "sosw_closed_tasks_table": .string("\(prefix)_closed"), "sosw_retry_tasks_table": .string("\(prefix)_retry"),
            "labourers": ["worker_a": ["arn": "arn:aws:lambda:us-east-1:123456789012:function:worker_a", "max_duration": 60]],
        ])
        let tables = SoswTableSchemas.createTableInputs(config: config).filter { $0.tableName.hasPrefix(prefix) }
        for table in tables { _ = try await dynamo.createTable(table) }
        let deadCount = 130
        for index in 0..<deadCount {
            let dead = TaskRecord(
                taskID: "t\(index)", labourerID: "worker_a", createdAt: DynamoNumber(1_767_225_600), greenfield: Greenfield(1_000),
                attempts: 3, payload: ["n": .int(Int64(index))], closedAt: 1_767_225_600 + Int64(index),
                otherAttributes: ["labourer_id_task_status": "worker_a_0", "dead_reason": "expired after 3 of 3 attempts"])
            _ = try await dynamo.putItem(PutItemInput(tableName: config.closedTasksTable, item: dead.item))
        }
        let calls = AWSCallCounter()
        let taskManager = TaskManager(
            config: config, dynamoDB: CountedDynamoDB(dynamo, counter: calls), lambda: UnusedLambda(), clock: ContinuousClock(),
            wallClock: SystemWallClock(), random: SystemRandomSource(), ids: UUIDSource(),
            logger: Logger(label: "redrive") { _ in SwiftLogNoOpLogHandler() })

        #expect(try await taskManager.redriveDeadTasks(labourerID: "worker_a") == deadCount)
        #expect(calls["DynamoDB.BatchGetItem"].calls == 2, "130 keys: 100, then 30")
        #expect(calls["DynamoDB.GetItem"].calls == 0)
        let queued = try await dynamo.scan(ScanInput(tableName: config.tasksTable, consistentRead: true)).items ?? []
        #expect(Set(queued.compactMap { $0["task_id"]?.stringValue }) == Set((0..<deadCount).map { "t\($0)" }))
        #expect(queued.allSatisfy { $0["attempts"] == 0 && $0["closed_at"] == nil })
        #expect(try await dynamo.scan(ScanInput(tableName: config.closedTasksTable, consistentRead: true)).items?.isEmpty == true)
        for table in tables { _ = try await dynamo.deleteTable(DeleteTableInput(tableName: table.tableName)) }
    }

    /// The redrive never calls Lambda.
    struct UnusedLambda: Lambda {
        func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
            Issue.record("redrive invoked \(input.functionName)")
            return InvokeOutput(statusCode: 202)
        }

        func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
            Issue.record("redrive read the configuration of \(input.functionName)")
            return FunctionConfiguration(functionName: input.functionName, functionArn: input.functionName, timeout: 60)
        }
    }
}
