import Logging
import SoswAWS
import SoswCore
import Testing

/// `sosw lambda`'s handler in the runtime loop, against the fake Runtime API and moto's server: a deployed
/// Scheduler chunks a job, a deployed WorkerAssistant records a worker's report, each configured from sosw's
/// config table under its function name, and a `_HANDLER` naming no essential is the function's init error.
@Suite(.enabled(if: MotoServer.isConfigured, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"))
struct LiveLambdaFunctionTests {
    @Test func deployedEssentialsAnswerTheirInvocationsWithTheirReports() async throws {
        let prefix = MotoServer.uniqueName("lambda").replacingOccurrences(of: "-", with: "_")
        let labourer = "\(prefix)_worker"
        let taskConfig: JSONValue = [
            "dynamo_db_config": ["table_name": .string("\(prefix)_tasks")],
            "sosw_closed_tasks_table": .string("\(prefix)_closed"), "sosw_retry_tasks_table": .string("\(prefix)_retry"),
            "labourers": .object([labourer: [
                "arn": .string("arn:aws:lambda:\(MotoServer.region):\(MotoServer.accountID):function:\(labourer)"),
                "max_simultaneous_invocations": 5,
            ]]),
        ]
        let dynamoDB = try MotoServer.client(DynamoDBClient.self)
        _ = try await SoswTableSetup(dynamoDB: dynamoDB, clock: ContinuousClock()).create(
            SoswTableSchemas.createTableInputs(config: try TaskManagerConfig(document: taskConfig), configTable: "\(prefix)_config"))
        let configTable = ConfigTable(dynamoDB: dynamoDB, tableName: "\(prefix)_config")
        try await configTable.store(["task_config": taskConfig], named: ConfigTable.essentialDocument)
        try await configTable.store(["shutdown_period": 5], named: "\(prefix)_scheduler_config")

        let environment = [
            "AWS_ENDPOINT_URL": try #require(MotoServer.url), "AWS_REGION": MotoServer.region,
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_EC2_METADATA_DISABLED": "true",
            "HOME": "/nonexistent", "SOSW_CONFIG_TABLE": "\(prefix)_config",
        ]
        let scheduled = try await invoke(
            handler: "scheduler", functionName: "\(prefix)_scheduler", environment: environment,
            event: #"{"job": {"lambda_name": "\#(labourer)", "period": "last_3_days", "isolate_days": true}}"#)
        #expect(scheduled["written"] == 3)
        #expect(scheduled["labourer_id"] == .string(labourer))

        let tasks = try await dynamoDB.scan(ScanInput(tableName: "\(prefix)_tasks")).items ?? []
        #expect(tasks.count == 3)
        let taskID = try #require(tasks.first?["task_id"]?.stringValue)
        let recorded = try await invoke(
            handler: "sosw_worker_assistant", functionName: "\(prefix)_worker_assistant", environment: environment,
            event: #"{"action": "mark_task_as_completed", "task_id": "\#(taskID)"}"#)
        #expect(recorded == ["outcome": "recorded"])
        let task = try await dynamoDB.getItem(GetItemInput(tableName: "\(prefix)_tasks", key: ["task_id": .s(taskID)])).item
        #expect(task?["completed_at"] != nil)
    }

    @Test func aHandlerNamingNoEssentialIsTheFunctionsInitError() async throws {
        try await withFakeRuntimeAPI { fake, port in
            let loop = RunningLoop(port: port, environment: ["_HANDLER": "orchestra"]) { function in
                try await LiveLambdaFunction.handler(function: function, environment: [:], logger: Logger(label: "test"))
            }
            let snapshot = try await fake.waitUntil("the init error") { !$0.posts.isEmpty }
            #expect(snapshot.posts.map(\.kind) == [.initError])
            #expect(snapshot.posts.first?.text.contains("_HANDLER='orchestra' names no sosw essential") == true)
            guard case .initializationFailed = try await loop.stopped() else {
                Issue.record("the loop should stop with the init failure")
                return
            }
        }
    }

    /// Runs one invocation of `handler` through the runtime loop and returns the report it answered.
    private func invoke(
        handler: String, functionName: String, environment: [String: String], event: String
    ) async throws -> JSONValue {
        try await withFakeRuntimeAPI { fake, port in
            fake.enqueue("r1", event: event, deadline: (SystemWallClock().currentTime().wholeSeconds + 60) * 1000)
            let loop = RunningLoop(
                port: port, environment: ["_HANDLER": handler, "AWS_LAMBDA_FUNCTION_NAME": functionName]
            ) { function in
                try await LiveLambdaFunction.handler(function: function, environment: environment, logger: Logger(label: "test"))
            }
            let snapshot = try await fake.waitUntil("the answer of \(handler)") { !$0.posts.isEmpty }
            loop.cancel()
            _ = try await loop.stopped()
            let post = try #require(snapshot.posts.first)
            #expect(post.kind == .response, "\(post.text)")
            return try JSONValue(parsing: post.text)
        }
    }
}
