import SoswCore
import SoswSimulation
import Testing

/// A Processor over recording doubles (Lambda, SNS) and the in-memory DynamoDB holding the config table.
@Suite struct ProcessorTests {
    static let functionARN = "arn:aws:lambda:eu-west-1:123456789012:function:thumbnailer"

    struct Fixture {
        let harness: Harness
        let sns = RecordingSNS(region: "eu-west-1")

        func processor(defaults: JSONValue = [:], custom: JSONValue = [:]) async throws -> Processor {
            try await Processor.load(
                functionName: "thumbnailer", configTable: ConfigTable(dynamoDB: harness.dynamo), defaults: defaults,
                custom: custom, lambda: harness.lambda, sns: sns, wallClock: harness.executor.clock,
                logger: harness.logs.logger)
        }

        func context(lasting seconds: Int64 = 300) -> InvocationContext {
            InvocationContext(
                requestID: "r1", invokedFunctionARN: ProcessorTests.functionARN, deadline: harness.now + .seconds(seconds))
        }
    }

    func fixture(_ body: @escaping @Sendable (Fixture) async throws -> Void) throws {
        try simulate { executor in try await body(Fixture(harness: try await Harness(executor: executor))) }
    }

    @Test func completionIsReportedWithThePayloadOfAPythonWorker() throws {
        try fixture { fixture in
            let processor = try await fixture.processor()
            let outcome = try await processor.handle(event: ["task_id": "t1", "labourer_id": "thumbnailer"], context: fixture.context()) {
                invocation in
                invocation.incrementStat("rows", by: 3)
                invocation.setResult("bytes", 1024)
                return .finished
            }
            #expect(outcome == .completed)
            let sent = try #require(fixture.harness.lambda.invocations.first)
            #expect(fixture.harness.lambda.invocations.count == 1)
            #expect(sent.functionName == "sosw_worker_assistant")
            #expect(sent.invocationType == .event)
            #expect(sent.text == #"{"action":"mark_task_as_completed","result":{"bytes":1024},"stats":{"processor_calls":1,"rows":3},"task_id":"t1"}"#)
            let request = try WorkerAssistantRequest(event: sent.payload)
            #expect(request.action == .markTaskAsCompleted && request.taskID == "t1")
        }
    }

    @Test func anEventWithoutATaskIsRunWithoutReports() throws {
        try fixture { fixture in
            let processor = try await fixture.processor()
            for event: JSONValue in [["rows": [1]], ["task_id": ""], ["task_id": nil]] {
                #expect(try await processor.handle(event: event, context: fixture.context()) { _ in .finished } == .completed)
            }
            #expect(fixture.harness.lambda.invocations.isEmpty)
        }
    }

    @Test func statisticsAndResultStartAfreshEvenAfterAFailedInvocation() throws {
        struct Boom: Error {}
        try fixture { fixture in
            let processor = try await fixture.processor(custom: ["lifetime_stats_params": ["warm_cache_hits"]])
            _ = try await processor.handle(event: ["task_id": "t1"], context: fixture.context()) { invocation in
                invocation.incrementStat("rows", by: 3)
                return .finished
            }
            await #expect(throws: Boom.self) {
                _ = try await processor.handle(event: ["task_id": "t2"], context: fixture.context()) { invocation in
                    invocation.incrementStat("rows", by: 5)
                    invocation.incrementStat("warm_cache_hits")
                    invocation.setResult("partial", true)
                    throw Boom()
                }
            }
            _ = try await processor.handle(event: ["task_id": "t3"], context: fixture.context()) { invocation in
                invocation.incrementStat("rows", by: 2)
                invocation.incrementStat("warm_cache_hits")
                return .finished
            }
            let payloads = fixture.harness.lambda.invocations.map(\.payload)
            #expect(payloads == [
                ["action": "mark_task_as_completed", "task_id": "t1", "stats": ["processor_calls": 1, "rows": 3]],
                [
                    "action": "mark_task_as_failed", "task_id": "t2", "stats": ["processor_calls": 1, "rows": 5],
                    "result": ["partial": true],
                ],
                ["action": "mark_task_as_completed", "task_id": "t3", "stats": ["processor_calls": 1, "rows": 2]],
            ])
            #expect(processor.stats.values == [
                "total_processor_calls": 2, "total_rows": 8, "warm_cache_hits": 2, "processor_calls": 1, "rows": 2,
            ])
        }
    }

    @Test func theFunctionConfigIsReadFromTheConfigTableBetweenDefaultsAndCustom() throws {
        try fixture { fixture in
            try await ConfigTable(dynamoDB: fixture.harness.dynamo).store(
                ["sosw_worker_assistant_lambda": "assistant_b", "dead_sns_topic": "ThumbnailAlarms", "size": 64, "mode": "fast"],
                named: "thumbnailer_config")
            try await ConfigTable(dynamoDB: fixture.harness.dynamo).store(["dead_sns_topic": "Wrong"], named: "sosw_essential_config")
            let processor = try await fixture.processor(
                defaults: ["size": 32, "format": "png", "mode": "slow"], custom: ["mode": "careful"])
            #expect(processor.config == [
                "sosw_worker_assistant_lambda": "assistant_b", "dead_sns_topic": "ThumbnailAlarms", "size": 64,
                "format": "png", "mode": "careful",
            ])
            #expect(processor.settings.workerAssistantFunction == "assistant_b")
            _ = try await processor.handle(event: ["task_id": "t1"], context: fixture.context()) { _ in .finished }
            #expect(fixture.harness.lambda.invocations.map(\.functionName) == ["assistant_b"])
            #expect(processor.settings.deadTopicARN(for: fixture.context())
                == "arn:aws:sns:eu-west-1:123456789012:ThumbnailAlarms")
        }
    }

    @Test func aConfigDocumentThatIsNotAnObjectIsRefused() throws {
        try fixture { fixture in
            try await ConfigTable(dynamoDB: fixture.harness.dynamo).store("just text", named: "thumbnailer_config")
            await #expect(throws: ConfigError(
                path: "thumbnailer_config", value: "just text", expectation: "a JSON object in `config_value` of config"))
            {
                _ = try await fixture.processor()
            }
        }
    }

    @Test func dieAlertsTheDeadTopicReportsTheTaskFailedAndFailsTheInvocation() throws {
        try fixture { fixture in
            let processor = try await fixture.processor()
            let died = ProcessorDied(
                functionName: "thumbnailer", message: "the source bucket is gone",
                topicARN: "arn:aws:sns:eu-west-1:123456789012:SoswWorkerErrors")
            await #expect(throws: died) {
                _ = try await processor.handle(event: ["task_id": "t1"], context: fixture.context()) { invocation in
                    invocation.incrementStat("rows")
                    try await invocation.die("the source bucket is gone")
                }
            }
            #expect(fixture.sns.messages == [PublishInput(
                topicArn: "arn:aws:sns:eu-west-1:123456789012:SoswWorkerErrors", message: "the source bucket is gone",
                subject: "thumbnailer died")])
            #expect(fixture.harness.lambda.invocations.map(\.payload) == [
                ["action": "mark_task_as_failed", "task_id": "t1", "stats": ["processor_calls": 1, "rows": 1]],
            ])
            #expect(fixture.harness.logs.all.contains { $0.hasPrefix("error: thumbnailer dies: the source bucket is gone") })
        }
    }

    @Test func aDeadTopicGivenAsAnARNIsUsedAsIs() throws {
        try fixture { fixture in
            let topic = "arn:aws:sns:us-west-2:210987654321:central-alarms"
            let processor = try await fixture.processor(custom: ["dead_sns_topic": .string(topic)])
            await #expect(throws: ProcessorDied.self) {
                _ = try await processor.handle(event: [:], context: fixture.context()) { invocation in
                    try await invocation.die()
                }
            }
            #expect(fixture.sns.messages.map(\.topicArn) == [topic])
            #expect(fixture.sns.messages.map(\.message) == ["Unknown Failure"])
        }
    }

    @Test func anAlertThatCannotBeSentStillEndsTheInvocation() throws {
        try fixture { fixture in
            let harness = fixture.harness
            let noTopics = SimulatedSNS(clock: harness.executor.clock, random: harness.random, log: EventLog(), topics: [])
            let processor = try Processor(
                functionName: "thumbnailer", config: [:], lambda: harness.lambda, sns: noTopics,
                wallClock: harness.executor.clock, logger: harness.logs.logger)
            let work: (ProcessorInvocation) async throws -> WorkOutcome = { try await $0.die("disk full") }
            do {
                _ = try await processor.handle(event: [:], context: fixture.context(), work: work)
                Issue.record("the invocation should have died")
            } catch let died as ProcessorDied {
                #expect(died.topicARN == "arn:aws:sns:eu-west-1:123456789012:SoswWorkerErrors")
                #expect(died.publishError?.hasPrefix("NotFound") == true)
            }
            // Without an account in the invoked ARN there is no topic to alert; the invocation dies all the same.
            let byName = InvocationContext(requestID: "r2", invokedFunctionARN: "thumbnailer", deadline: harness.now + .seconds(60))
            await #expect(throws: ProcessorDied(functionName: "thumbnailer", message: "disk full", topicARN: nil)) {
                _ = try await processor.handle(event: [:], context: byName, work: work)
            }
            #expect(noTopics.notifications.isEmpty)
        }
    }

    @Test func aFailedReportIsLoggedAndCountedNotThrown() throws {
        try fixture { fixture in
            fixture.harness.lambda.fail("sosw_worker_assistant")
            let processor = try await fixture.processor()
            #expect(try await processor.handle(event: ["task_id": "t1"], context: fixture.context()) { _ in .finished } == .completed)
            #expect(processor.stats.values["worker_assistant_report_failures"] == 1)
            #expect(fixture.harness.logs.all.contains {
                $0.hasPrefix("error: thumbnailer: reporting mark_task_as_completed of task t1 to sosw_worker_assistant failed")
            })
        }
    }
}
