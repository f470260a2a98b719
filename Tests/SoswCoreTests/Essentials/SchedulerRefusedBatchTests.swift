import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// A DynamoDB that passes the first `healthyCalls` BatchWriteItem calls, then writes only the even-indexed
/// requests of the next one and refuses everything after that, until healed.
final class RefusingDynamoDB: ForwardingDynamoDB {
    let base: any DynamoDB
    private let state: Mutex<(healthyCalls: Int, partialDone: Bool, healed: Bool)>

    init(_ base: any DynamoDB, healthyCalls: Int) {
        self.base = base
        self.state = Mutex((healthyCalls, false, false))
    }

    func heal() {
        state.withLock { $0.healed = true }
    }

    nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        enum Answer { case pass, half, none }
        let answer = state.withLock { state -> Answer in
            if state.healed { return .pass }
            if state.healthyCalls > 0 {
                state.healthyCalls -= 1
                return .pass
            }
            defer { state.partialDone = true }
            return state.partialDone ? .none : .half
        }
        switch answer {
        case .pass:
            return try await base.batchWriteItem(input)
        case .none:
            return BatchWriteItemOutput(unprocessedItems: input.requestItems)
        case .half:
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
}

@Suite struct SchedulerRefusedBatchTests {
    /// Runs the tutorial job (36 tasks) against a table that refuses writes after `healthyCalls` batches,
    /// then re-runs the refused event's cursor on the healed table. Returns the error, the re-run's report and
    /// the (date, topic, word) of every stored task.
    func refuseThenResume(rowsToProcess: Int, healthyCalls: Int) async throws
        -> (SchedulerCursor, String, Scheduler<SimClock>.Report, [String])
    {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let refusing = RefusingDynamoDB(harness.db, healthyCalls: healthyCalls)
            let taskManager = TaskManager(
                config: harness.config, dynamoDB: refusing, lambda: harness.lambda, clock: executor.clock,
                wallClock: executor.clock, random: harness.random.stream("writer"),
                ids: SeededIDSource(random: harness.random.stream("ids")), logger: harness.logs.logger)
            var config = tutorialSchedulerConfig.objectValue ?? [:]
            config["rows_to_process"] = .int(Int64(rowsToProcess))
            let scheduler = try Scheduler(
                config: try SchedulerConfig(document: .object(config)), taskManager: taskManager, lambda: harness.lambda,
                clock: executor.clock, wallClock: executor.clock, random: harness.random.stream("siblings"),
                logger: harness.logs.logger)
            let deadline = executor.clock.now.advanced(by: .seconds(3600))
            var refusal: SchedulerError?
            do {
                _ = try await scheduler.run(event: tutorialJob, deadline: deadline)
            } catch let error as SchedulerError {
                refusal = error
            }
            guard case .batchRefused(let cursor, _)? = refusal else {
                Issue.record("expected a refused batch, got \(String(describing: refusal))")
                throw CancellationError()
            }
            refusing.heal()
            let report = try await scheduler.run(event: cursor.event, deadline: executor.clock.now.advanced(by: .seconds(3600)))
            let stored = try await harness.items(in: "sosw_tasks").map { item in
                let payload = try JSONValue(parsing: item["payload"]?.stringValue ?? "")
                return [payload["date_list"], payload["topics"], payload["words"]].map { $0?.serialized() ?? "-" }
                    .joined(separator: " ")
            }
            return (cursor, refusal.map(String.init(describing:)) ?? "", report, stored.sorted())
        }
    }

    @Test func aChunkRefusedInPartResumesAtItsFirstUnwrittenTaskAndSkipsTheWrittenOnes() async throws {
        // Chunks of 10, each one BatchWriteItem: two pass, the third writes tasks 20, 22, 24, 26 and 28 only.
        let (cursor, message, report, stored) = try await refuseThenResume(rowsToProcess: 10, healthyCalls: 2)
        #expect(cursor.next == 21)
        #expect(cursor.written == [22, 24, 26, 28])
        #expect(message.contains("stopped at task #21"))
        #expect(message.contains("10 rounds"))
        #expect(message.contains("run the Scheduler with this event"))
        #expect(message.hasSuffix(cursor.event.serialized()))
        #expect(report.total == 36)
        #expect(report.written == 36 - 25, "the re-run writes only the 11 tasks missing")
        #expect(stored.count == 36)
        #expect(Set(stored).count == 36, "every task is written exactly once")
    }

    @Test func aChunkOfSeveralBatchesNamesEveryTaskOfTheBatchesNotReached() async throws {
        // One chunk of all 36: a batch of 25 (half written), then a batch of 11 never sent.
        let (cursor, _, report, stored) = try await refuseThenResume(rowsToProcess: 40, healthyCalls: 0)
        #expect(cursor.next == 1)
        #expect(cursor.written == Array(stride(from: 2, through: 24, by: 2)))
        #expect(report.written == 36 - 13)
        #expect(stored.count == 36)
        #expect(Set(stored).count == 36)
    }

    @Test func theCursorsWrittenTasksSurviveTheEventRoundTrip() throws {
        let cursor = SchedulerCursor(job: ["lambda_name": "worker_a"], today: CivilDate(simulationStart), next: 3, written: [5, 9])
        #expect(try SchedulerCursor(event: cursor.event) == cursor)
        #expect(cursor.event[SchedulerCursor.eventKey]?["written"] == [5, 9])
        let plain = SchedulerCursor(job: ["lambda_name": "worker_a"], today: CivilDate(simulationStart), next: 3)
        #expect(plain.event[SchedulerCursor.eventKey]?["written"] == nil, "a plain hand-off's event is unchanged")
        #expect(throws: InvalidJob.self) {
            try SchedulerCursor(event: [SchedulerCursor.eventKey: ["job": [:], "today": "2026-01-05", "next": 3, "written": [2]]])
        }
    }
}
