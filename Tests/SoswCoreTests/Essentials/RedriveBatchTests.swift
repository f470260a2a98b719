import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// A DynamoDB that records the keys of every BatchGetItem and hands back the second half of them as
/// unprocessed for the first `stingyCalls` calls (every call when nil).
final class StingyReadsDynamoDB: ForwardingDynamoDB {
    let base: any DynamoDB
    private let state: Mutex<(stingyCalls: Int?, keysPerCall: [Int], getItems: Int)>

    init(_ base: any DynamoDB, stingyCalls: Int?) {
        self.base = base
        self.state = Mutex((stingyCalls, [], 0))
    }

    var keysPerCall: [Int] { state.withLock { $0.keysPerCall } }
    var getItems: Int { state.withLock { $0.getItems } }

    nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        state.withLock { $0.getItems += 1 }
        return try await base.getItem(input)
    }

    nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        let (table, request) = try #require(input.requestItems.first)
        let stingy = state.withLock { state -> Bool in
            state.keysPerCall.append(request.keys.count)
            guard let left = state.stingyCalls else { return true }
            state.stingyCalls = left - 1
            return left > 0
        }
        guard stingy else { return try await base.batchGetItem(input) }
        let kept = request.keys.count / 2
        var served = request
        served.keys = Array(request.keys.prefix(kept))
        var output = kept == 0 ? BatchGetItemOutput(responses: [table: []]) : try await base.batchGetItem(BatchGetItemInput(requestItems: [table: served]))
        var unprocessed = request
        unprocessed.keys = Array(request.keys.dropFirst(kept))
        output.unprocessedKeys = [table: unprocessed]
        return output
    }
}

@Suite struct RedriveBatchTests {
    /// `count` dead tasks of worker_a, and a TaskManager reading through `StingyReadsDynamoDB`.
    func deadTasks(_ harness: Harness, _ executor: SimExecutor, count: Int, stingyCalls: Int?) async throws
        -> (TaskManager, StingyReadsDynamoDB, [TaskRecord])
    {
        let tasks = try await harness.taskManager.createTasks(
            labourerID: "worker_a", arguments: (0..<count).map { ["payload": ["n": .int(Int64($0))]] })
        for task in tasks {
            var dead = task
            dead.attempts = 3
            #expect(try await harness.taskManager.archive(dead, deadReason: "expired after 3 of 3 attempts"))
        }
        let stingy = StingyReadsDynamoDB(harness.db, stingyCalls: stingyCalls)
        let taskManager = TaskManager(
            config: harness.config, dynamoDB: stingy, lambda: harness.lambda, clock: executor.clock,
            wallClock: executor.clock, random: harness.random.stream("reader"),
            ids: SeededIDSource(random: harness.random.stream("ids")), logger: harness.logs.logger)
        return (taskManager, stingy, tasks)
    }

    @Test func deadTasksAreReadAHundredKeysARequestWithUnprocessedKeysRetried() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let (taskManager, reads, tasks) = try await deadTasks(harness, executor, count: 130, stingyCalls: 2)
            let started = harness.now
            #expect(try await taskManager.redriveDeadTasks(labourerID: "worker_a") == 130)
            // 100 keys: 50 read, then the 50 left: 25 read, then 25; then the last 30 in one request.
            #expect(reads.keysPerCall == [100, 50, 25, 30])
            #expect(reads.getItems == 0, "no GetItem per task")
            #expect(harness.now > started, "the retries waited on the virtual clock")
            #expect(try await harness.items(in: "sosw_closed_tasks").isEmpty)
            let queued = try await harness.items(in: "sosw_tasks")
            #expect(queued.count == 130)
            #expect(Set(queued.compactMap { $0["task_id"]?.stringValue }) == Set(tasks.map(\.taskID)))
            #expect(queued.allSatisfy { $0["attempts"] == 0 })
        }
    }

    @Test func keysStillUnprocessedAfterTheLastRoundAreNamedAndNothingMoves() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let (taskManager, reads, tasks) = try await deadTasks(harness, executor, count: 3, stingyCalls: nil)
            let error = await #expect(throws: BatchReadError.self) {
                _ = try await taskManager.redriveDeadTasks(labourerID: "worker_a")
            }
            #expect(reads.keysPerCall == [3, 2, 1, 1, 1, 1, 1, 1, 1, 1], "ten rounds, then it stops")
            #expect(error?.rounds == 10)
            #expect(error?.unreadKeys.count == 1)
            let description = error.map(String.init(describing:)) ?? ""
            #expect(description.contains("BatchGetItem from sosw_closed_tasks: 1 keys not read after 10 rounds"))
            #expect(tasks.contains { description.contains(#"task_id="\#($0.taskID)""#) })
            #expect(try await harness.items(in: "sosw_closed_tasks").count == 3, "no task moved")
            #expect(try await harness.items(in: "sosw_tasks").isEmpty)
        }
    }
}
