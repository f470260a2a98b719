import SoswCore
import SoswSimulation
import SoswTesting
import Testing

/// A deployment of the standard labourers with the audit trail on (`meta_handler_config: {}`, sosw's
/// defaults) and its table created, as `sosw tables create` makes it.
func auditedHarness(_ executor: SimExecutor, meta: JSONValue = [:], createTable: Bool = true) async throws -> Harness {
    let harness = try await Harness(executor: executor, configuration: [
        "task_config": ["labourers": testLabourers, "max_attempts": 2],
        "sns_config": ["recipient": .string(Harness.deadTopic), "subject": "dead"],
        "meta_handler_config": meta,
    ])
    if createTable, let config = harness.configuration.metaHandler {
        _ = try await harness.dynamoDB.createTable(SoswTableSchemas.metaTableInput(config: config))
    }
    return harness
}

/// One row of the trail as a test reads it.
struct MetaRow: Equatable, CustomStringConvertible {
    var action: String
    var labourerID: String?

    var description: String { labourerID.map { "\(action)(\($0))" } ?? action }
}

extension SimulatedDeployment<RecordingLambda> {
    /// The trail of one task, read back in key order (by `created_at`).
    func history(of taskID: String) async throws -> [DynamoItem] {
        try await dynamoDB.query(QueryInput(
            tableName: "sosw_tasks_meta", keyConditionExpression: "task_id = :id", expressionAttributeValues: [":id": .s(taskID)]
        )).items ?? []
    }

    func actions(of taskID: String) async throws -> [MetaRow] {
        try await history(of: taskID).map {
            MetaRow(action: $0["action"]?.stringValue ?? "?", labourerID: $0["labourer_id"]?.stringValue ?? $0["labourer"]?.stringValue)
        }
    }
}

@Suite struct MetaHandlerTests {
    @Test func configIsReadFromTheMergedDocumentsWithSoswsDefaults() throws {
        #expect(try SoswConfiguration(custom: ["task_config": ["labourers": testLabourers]]).metaHandler == nil)
        #expect(try MetaHandlerConfig.read(from: ["meta_handler_config": .null]) == nil)
        #expect(try MetaHandlerConfig.read(from: ["meta_handler_config": [:]]) == MetaHandlerConfig(
            writesToDynamoDB: true, tableName: "sosw_tasks_meta", hashKey: "task_id"))
        // The shared document turns it on for every essential; a function's document can change the table.
        let configuration = try SoswConfiguration(
            essential: ["meta_handler_config": ["write_meta_to_ddb": true]],
            function: ["meta_handler_config": ["dynamo_db_config": ["table_name": "audit"]]])
        #expect(configuration.metaHandler == MetaHandlerConfig(writesToDynamoDB: true, tableName: "audit", hashKey: "task_id"))
        #expect(throws: ConfigError(path: "meta_handler_config", value: true, expectation: "an object (or no key, for no audit trail)")) {
            try MetaHandlerConfig.read(from: ["meta_handler_config": true])
        }
        #expect(throws: ConfigError(path: "meta_handler_config.write_meta_to_ddb", value: "yes", expectation: "true or false")) {
            try MetaHandlerConfig.read(from: ["meta_handler_config": ["write_meta_to_ddb": "yes"]])
        }
        #expect(throws: ConfigError(path: "meta_handler_config.dynamo_db_config.table_name", value: "", expectation: "a non-empty name")) {
            try MetaHandlerConfig.read(from: ["meta_handler_config": ["dynamo_db_config": ["table_name": ""]]])
        }
    }

    @Test func theTableIsCreatedOnlyWhenTheTrailWritesToIt() throws {
        let taskConfig = try TaskManagerConfig(document: SoswDefaults.taskManager)
        let names = { (meta: MetaHandlerConfig?) in
            SoswTableSchemas.createTableInputs(config: taskConfig, meta: meta).map(\.tableName)
        }
        #expect(names(nil) == ["sosw_tasks", "sosw_closed_tasks", "sosw_retry_tasks", "config"])
        #expect(names(MetaHandlerConfig(writesToDynamoDB: false)) == names(nil))
        #expect(names(MetaHandlerConfig()) == names(nil) + ["sosw_tasks_meta"])
        let table = SoswTableSchemas.metaTableInput(config: MetaHandlerConfig())
        #expect(table.keySchema == [.init(attributeName: "task_id", keyType: .hash), .init(attributeName: "created_at", keyType: .range)])
        #expect(table.attributeDefinitions == [
            .init(attributeName: "task_id", attributeType: .string), .init(attributeName: "created_at", attributeType: .number),
        ])
    }

    @Test func everyMoveOfATaskIsPostedWithItsLabourerAndWhoMovedIt() throws {
        try simulate { executor in
            let harness = try await auditedHarness(executor)
            let context = MetaContext(author: "sosw_scheduler", invocationID: "req-1", logStreamName: "2026/01/05/[$LATEST]abc")
            let report = try await MetaContext.$current.withValue(context) {
                try await harness.essentials.scheduler().run(
                    event: ["job": ["lambda_name": "worker_a"]], deadline: harness.clock.now.advanced(by: .seconds(900)))
            }
            #expect(report.written == 1)
            let task = try #require(try await harness.tasks(of: "worker_a").first)
            let created = try #require(try await harness.history(of: task.taskID).first)
            // sosw's Scheduler names the labourer `labourer` in this one row.
            #expect(created == [
                "task_id": .s(task.taskID), "created_at": .n(TaskRecord.createdAt(simulationStart)), "action": "created",
                "labourer": "worker_a", "author": "sosw_scheduler", "invocation_id": "req-1",
                "log_stream_name": "2026/01/05/[$LATEST]abc",
            ])

            try await harness.advance(.seconds(10))
            _ = try await MetaContext.$current.withValue(MetaContext(author: "sosw_orchestrator", invocationID: "req-2")) {
                try await harness.orchestrator().run()
            }
            try await harness.advance(.seconds(10))
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_failed", "task_id": .string(task.taskID)])
            let (scavenger, _) = try harness.scavenger()
            try await harness.advance(.seconds(1200))
            _ = await scavenger.run()
            try await harness.advance(.seconds(45))
            _ = await scavenger.run()
            try await harness.advance(.seconds(10))
            _ = try await harness.orchestrator().run()
            try await harness.advance(.seconds(10))
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(task.taskID)])
            try await harness.advance(.seconds(10))
            _ = await scavenger.run()

            #expect(try await harness.actions(of: task.taskID) == [
                MetaRow(action: "created", labourerID: "worker_a"), MetaRow(action: "invoked", labourerID: "worker_a"),
                MetaRow(action: "marked_as_failed"), MetaRow(action: "scheduled_for_retry", labourerID: "worker_a"),
                MetaRow(action: "ready_for_retry", labourerID: "worker_a"), MetaRow(action: "invoked", labourerID: "worker_a"),
                MetaRow(action: "marked_as_completed"), MetaRow(action: "archived", labourerID: "worker_a"),
            ])
            let rows = try await harness.history(of: task.taskID)
            #expect(rows[1]["author"] == "sosw_orchestrator")
            #expect(rows[1]["invocation_id"] == "req-2")
            #expect(rows[1]["log_stream_name"] == nil)
            // Outside any run nobody is named: no context, no author.
            #expect(rows[2]["author"] == nil)
            // Rows are stamped with the wall clock at the move, a float number of seconds.
            #expect(rows.map { $0["created_at"]?.numberValue?.doubleValue ?? 0 } == rows.map { $0["created_at"]?.numberValue?.doubleValue ?? 0 }.sorted())
            #expect(rows[1]["created_at"] == .n(TaskRecord.createdAt(simulationStart + .seconds(10))))
            #expect(harness.essentials.meta?.stats["meta_rows_written"] == 8)
        }
    }

    @Test func aTaskOutOfAttemptsIsPostedArchivedDeadOnce() throws {
        try simulate { executor in
            let harness = try await auditedHarness(executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            let (scavenger, _) = try harness.scavenger()
            for _ in 0..<2 {
                // A second apart: rows of one task at the same instant would share a key.
                try await harness.advance(.seconds(1))
                _ = try await harness.orchestrator().run()
                try await harness.advance(.seconds(1200))
                _ = await scavenger.run()
                try await harness.advance(.seconds(100))
                _ = await scavenger.run()
            }
            // A task created by the TaskManager directly (not the Scheduler) has no `created` row, as in sosw.
            let actions = try await harness.actions(of: task.taskID).map(\.action)
            #expect(actions == ["invoked", "scheduled_for_retry", "ready_for_retry", "invoked", "archived_dead"], "\(actions)")
        }
    }

    @Test func aWorkerPostsCompletedOrFailedAfterItsReport() throws {
        struct WorkFailed: Error {}
        try simulate { executor in
            let harness = try await auditedHarness(executor)
            let worker = Worker(lambda: harness.lambda, meta: harness.essentials.meta)
            try await MetaContext.$current.withValue(MetaContext(author: "my_worker", invocationID: "req-9")) {
                try await worker.handle(event: ["task_id": "t1"]) { _ in Worker.Report() }
                try await harness.advance(.seconds(1))
                await #expect(throws: WorkFailed.self) {
                    try await worker.handle(event: ["task_id": "t1"]) { _ in throw WorkFailed() }
                }
            }
            #expect(harness.lambda.invocations.map(\.functionName) == ["sosw_worker_assistant", "sosw_worker_assistant"])
            let rows = try await harness.history(of: "t1")
            #expect(rows.map { $0["action"] } == ["completed", "failed"])
            #expect(rows.map { $0["author"] } == ["my_worker", "my_worker"])
        }
    }

    @Test func theConditionalPutNeverOverwritesARow() throws {
        try simulate { executor in
            let harness = try await auditedHarness(executor)
            let meta = try #require(harness.essentials.meta)
            _ = try await harness.dynamoDB.putItem(PutItemInput(tableName: "sosw_tasks_meta", item: [
                "task_id": "t1", "created_at": .n(TaskRecord.createdAt(harness.now)), "action": "earlier",
            ]))
            await meta.post(taskID: "t1", action: .invoked, fields: ["labourer_id": "worker_a"])
            #expect(try await harness.history(of: "t1").map { $0["action"] } == ["earlier"])
            #expect(meta.stats["meta_rows_refused"] == 1)
            #expect(harness.logs.all.contains { $0.contains("already holds a row") && $0.contains("task_id=t1") })
            try await harness.advance(.milliseconds(1))
            await meta.post(taskID: "t1", action: .invoked, fields: ["labourer_id": "worker_a"])
            #expect(try await harness.history(of: "t1").map { $0["action"] } == ["earlier", "invoked"])
        }
    }

    @Test func aMissingTableLogsTheRowAndTheEssentialCarriesOn() throws {
        try simulate { executor in
            let harness = try await auditedHarness(executor, createTable: false)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            let report = try await harness.orchestrator().run()
            #expect(report.failures.isEmpty)
            #expect(report.invoked == 1)
            await harness.expectTask(task.taskID, in: .running)
            #expect(harness.essentials.meta?.stats["meta_rows_logged"] == 1)
            #expect(harness.logs.all.contains {
                $0.contains("table sosw_tasks_meta does not exist") && $0.contains("action=invoked") && $0.contains("task_id=\(task.taskID)")
            })
        }
    }

    @Test func withoutTheKeyNothingIsPostedAndNothingCalled() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            #expect(harness.essentials.meta == nil)
            #expect(harness.taskManager.meta == nil)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            _ = try await harness.orchestrator().run()
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(task.taskID)])
            let (scavenger, _) = try harness.scavenger()
            _ = await scavenger.run()
            // One PutItem: the task's creation. No row anywhere, no log line about one.
            #expect(harness.calls.snapshot().first { $0.operation == "DynamoDB.PutItem" }?.figures.calls == 1)
            #expect(!harness.logs.all.contains { $0.contains("meta:") })
        }
    }

    @Test func writingOffLogsEveryRowWithoutACall() throws {
        try simulate { executor in
            let harness = try await auditedHarness(executor, meta: ["write_meta_to_ddb": false])
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            _ = try await harness.orchestrator().run()
            #expect(harness.calls.snapshot().first { $0.operation == "DynamoDB.PutItem" }?.figures.calls == 1)
            #expect(harness.logs.all.contains { $0.contains("write_meta_to_ddb") && $0.contains("task_id=\(task.taskID)") })
        }
    }
}
