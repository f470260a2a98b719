import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// A DynamoDB that hands back every other item of the first `refusals` BatchWriteItem calls as unprocessed.
final class StingyDynamoDB: ForwardingDynamoDB {
    let base: any DynamoDB
    private let refusals: Mutex<Int>

    init(_ base: any DynamoDB, refusals: Int) {
        self.base = base
        self.refusals = Mutex(refusals)
    }

    nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        let refuse = refusals.withLock { count -> Bool in
            defer { count -= 1 }
            return count > 0
        }
        guard refuse else { return try await base.batchWriteItem(input) }
        var accepted: [String: [WriteRequest]] = [:]
        var unprocessed: [String: [WriteRequest]] = [:]
        for (table, requests) in input.requestItems {
            for (index, request) in requests.enumerated() {
                if index % 2 == 0 { accepted[table, default: []].append(request) } else { unprocessed[table, default: []].append(request) }
            }
        }
        _ = try await base.batchWriteItem(BatchWriteItemInput(requestItems: accepted))
        return BatchWriteItemOutput(unprocessedItems: unprocessed)
    }
}

let tutorialJob: JSONValue = [
    "lambda_name": "arn:aws:lambda:us-west-2:000000000000:function:worker_a", "period": "last_2_days",
    "isolate_days": true, "isolate_topics": true, "isolate_words": true,
    "topics": [
        "cars": ["words": ["toyota": nil, "mazda": nil, "nissan": nil, "racing": nil, "automobile": nil, "car": nil]],
        "food": ["words": ["recipe": nil, "cooking": nil, "eating": nil, "food": nil, "meal": nil, "tasty": nil]],
        "shows": ["words": ["opera": nil, "cinema": nil, "movie": nil, "concert": nil, "show": nil, "musical": nil]],
    ],
]

let tutorialSchedulerConfig: JSONValue = [
    "rows_to_process": 10, "shutdown_period": 60,
    "job_schema_variants": ["default": ["chunkable_attrs": [["topic", [:]], ["word", [:]]]]],
]

struct SchedulerSetup {
    let harness: Harness
    let scheduler: Scheduler<SimClock>

    init(_ executor: SimExecutor, refusals: Int = 0) async throws {
        harness = try await Harness(executor: executor)
        // Every call takes a second, so an invocation's time runs out as it writes.
        harness.dynamo.setLatency(.fixed(.seconds(1)))
        let stingy = StingyDynamoDB(harness.db, refusals: refusals)
        let taskManager = TaskManager(
            config: harness.config, dynamoDB: stingy, lambda: harness.lambda, clock: executor.clock,
            wallClock: executor.clock, random: harness.random.stream("sched"),
            ids: SeededIDSource(random: harness.random.stream("sched-ids")), logger: harness.logs.logger)
        scheduler = try Scheduler(
            config: try SchedulerConfig(document: tutorialSchedulerConfig), taskManager: taskManager, lambda: harness.lambda,
            clock: executor.clock, wallClock: executor.clock, random: harness.random.stream("siblings"),
            logger: harness.logs.logger)
    }

    /// The (date, topic, word) of every stored task.
    func storedCombinations() async throws -> [String] {
        try await harness.items(in: "sosw_tasks").map { item in
            let payload = try JSONValue(parsing: item["payload"]?.stringValue ?? "")
            return [payload["date_list"], payload["topics"], payload["words"]].map { $0?.serialized() ?? "-" }.joined(separator: " ")
        }.sorted()
    }
}

@Suite struct SchedulerTests {
    @Test func theTutorialJobBecomes36TasksWrittenInBatches() throws {
        try simulate { executor in
            let setup = try await SchedulerSetup(executor, refusals: 2)
            let report = try await setup.scheduler.run(
                event: ["job": tutorialJob], deadline: executor.clock.now.advanced(by: .seconds(900)))
            #expect(report.total == 36)
            #expect(report.written == 36)
            #expect(report.handedOff == nil)
            let combinations = try await setup.storedCombinations()
            #expect(combinations.count == 36)
            #expect(Set(combinations).count == 36)
            #expect(combinations.first == #"["2026-01-03"] ["cars"] ["automobile"]"#)
            let greenfields = try await setup.harness.items(in: "sosw_tasks").compactMap { $0["greenfield"]?.number }.sorted()
            #expect(greenfields == (1...36).map { 1000 + 1000 * Int64($0) })
            // Unprocessed items were retried after a backoff on the virtual clock.
            #expect(setup.harness.now > simulationStart)
        }
    }

    @Test func whenTimeRunsOutASiblingContinuesWithNothingWrittenTwiceOrLost() throws {
        try simulate { executor in
            let setup = try await SchedulerSetup(executor)
            // A deadline just past the shutdown period: one chunk, then the rest is handed over.
            let first = try await setup.scheduler.run(
                event: tutorialJob, deadline: executor.clock.now.advanced(by: .seconds(61)))
            let cursor = try #require(first.handedOff)
            #expect(first.written == 10)
            #expect(cursor.next == 10)
            let sibling = try #require(setup.harness.lambda.invocations.last)
            #expect(sibling.functionName == "sosw_scheduler")
            #expect(sibling.invocationType == .event)
            #expect(sibling.payload == cursor.event)

            // The sibling runs a day later: it keeps the job's dates and starts at the cursor.
            try await setup.harness.advance(.seconds(86_400))
            var event = sibling.payload
            var written = first.written
            while true {
                let report = try await setup.scheduler.run(
                    event: event, deadline: executor.clock.now.advanced(by: .seconds(75)))
                written += report.written
                guard let next = report.handedOff else { break }
                event = next.event
            }
            #expect(written == 36)
            let combinations = try await setup.storedCombinations()
            #expect(combinations.count == 36)
            #expect(Set(combinations).count == 36)
            #expect(combinations.allSatisfy { $0.hasPrefix(#"["2026-01-03"]"#) || $0.hasPrefix(#"["2026-01-04"]"#) })
        }
    }

    @Test func anUnknownLabourerIsRejected() throws {
        try simulate { executor in
            let setup = try await SchedulerSetup(executor)
            await #expect(throws: SchedulerError.self) {
                _ = try await setup.scheduler.run(
                    event: ["lambda_name": "nobody"], deadline: executor.clock.now.advanced(by: .seconds(900)))
            }
        }
    }

    @Test func theDefaultConfigSchedulesAJobWithoutChunkableAttributes() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let scheduler = try Scheduler(
                config: try SchedulerConfig(document: [:]), taskManager: harness.taskManager, lambda: harness.lambda,
                clock: executor.clock, wallClock: executor.clock, random: harness.random, logger: harness.logs.logger)
            let report = try await scheduler.run(
                event: #"{"lambda_name": "worker_b", "period": "yesterday", "foo": 1}"#,
                deadline: executor.clock.now.advanced(by: .seconds(900)))
            #expect(report.written == 1)
            let item = try #require(try await harness.items(in: "sosw_tasks").first)
            #expect(item["payload"] == #"{"date_list": ["2026-01-04"], "foo": 1}"#)
        }
    }
}
