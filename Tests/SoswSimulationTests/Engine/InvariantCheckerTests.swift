import SoswCore
@testable import SoswSimulation
import Synchronization
import Testing

/// A table double that answers what a test says each task's tables are: a correct fake (the tables the moves
/// imply) or a broken one (a move that lost or duplicated the task).
private final class StubTables: TaskTableLookup {
    let held = Mutex<[String: [TaskTable]]>([:])

    func set(_ taskID: String, _ tables: [TaskTable]) {
        held.withLock { $0[taskID] = tables }
    }

    func tables(holding taskID: String, labourerID: String) -> [TaskTable] {
        held.withLock { $0[taskID] ?? [] }
    }

    func holds(_ taskID: String, in table: TaskTable) -> Bool {
        held.withLock { $0[taskID]?.contains(table) ?? false }
    }
}

/// Feeds a checker the events a core would log, keeping the stub tables as a correct DynamoDB would unless a
/// test breaks them.
private struct Feed {
    static let start = UnixTime(seconds: 1_700_000_000)
    let tables = StubTables()
    let checker: InvariantChecker
    var seconds: Int64 = 0

    init(maxAttempts: Int = 3, cap: Int = 2) {
        checker = InvariantChecker(
            start: Self.start, limits: ["worker": .init(maxAttempts: maxAttempts, cap: cap)],
            labourerOfFunction: ["worker_fn": "worker"], next: nil)
        checker.watch(tables)
    }

    mutating func send(_ event: RunEvent, _ fields: EventFields) {
        seconds += 1
        checker.record(event.rawValue, at: UnixTime(seconds: Self.start.nanoseconds / 1_000_000_000 + seconds), fields)
    }

    mutating func task(_ event: RunEvent, _ id: String, _ extra: EventFields = [:]) {
        var fields = extra
        fields["task_id"] = .string(id)
        fields["labourer_id"] = .string("worker")
        send(event, fields)
    }

    mutating func create(_ id: String) {
        tables.set(id, [.tasks])
        task(.taskCreated, id)
    }

    mutating func invoke(_ id: String, attempt: Int) {
        task(.taskInvoked, id, ["attempt": .int(Int64(attempt))])
    }

    mutating func expireToRetry(_ id: String, attempts: Int) {
        task(.taskExpired, id, ["attempts": .int(Int64(attempts))])
        tables.set(id, [.retry])
        task(.taskRetryScheduled, id, ["retry_at": .int(0)])
    }

    mutating func requeue(_ id: String) {
        tables.set(id, [.tasks])
        task(.taskRequeued, id)
    }

    mutating func complete(_ id: String) {
        task(.taskCompleted, id)
    }

    mutating func archive(_ id: String, _ outcome: String) {
        tables.set(id, [.closed])
        task(.taskArchived, id, ["outcome": .string(outcome)])
    }

    mutating func worker(_ event: RunEvent) {
        send(event, ["function": .string("worker_fn")])
    }

    mutating func orchestrator(_ event: RunEvent) {
        send(event, ["essential": .string("orchestrator"), "run": .int(1)])
    }

    var violation: InvariantViolation? { checker.violation }

    func finish(drained: Bool = true, deadline: UnixTime? = nil) -> InvariantViolation? {
        checker.finish(at: UnixTime(seconds: Self.start.nanoseconds / 1_000_000_000 + seconds), drained: drained,
                       drainDeadline: deadline)
    }
}

@Suite("Invariants checked during every run")
struct InvariantCheckerTests {
    /// A task's whole correct life: invoked, expired, retried, requeued, invoked again, completed, archived.
    private static func cleanLife(_ feed: inout Feed, _ id: String) {
        feed.create(id)
        feed.invoke(id, attempt: 1)
        feed.expireToRetry(id, attempts: 1)
        feed.requeue(id)
        feed.invoke(id, attempt: 2)
        feed.complete(id)
        feed.archive(id, "completed")
    }

    @Test("a correct life of tasks, completed and dead, breaks no invariant")
    func cleanLives() {
        var feed = Feed()
        Self.cleanLife(&feed, "a")
        feed.create("b")
        for attempt in 1...3 {
            feed.invoke("b", attempt: attempt)
            if attempt < 3 {
                feed.expireToRetry("b", attempts: attempt)
                feed.requeue("b")
            }
        }
        feed.task(.taskExpired, "b", ["attempts": .int(3)])
        feed.task(.taskDead, "b", ["attempts": .int(3)])
        feed.archive("b", "dead")
        #expect(feed.violation == nil)
        #expect(feed.finish() == nil)
    }

    @Test("one_table: a move that leaves the task in two tables, or in none, is caught at the move")
    func oneTable() throws {
        var duplicated = Feed()
        duplicated.create("a")
        duplicated.invoke("a", attempt: 1)
        duplicated.task(.taskExpired, "a", ["attempts": .int(1)])
        duplicated.tables.set("a", [.tasks, .retry])  // a retry that put without deleting
        duplicated.task(.taskRetryScheduled, "a", ["retry_at": .int(0)])
        let violation = try #require(duplicated.violation)
        #expect(violation.invariant == "one_table" && violation.taskID == "a")
        #expect(violation.detail.contains("tasks and retry"))

        var lost = Feed()
        lost.create("a")
        lost.invoke("a", attempt: 1)
        lost.complete("a")
        lost.tables.set("a", [])  // an archive that deleted without putting
        lost.task(.taskArchived, "a", ["outcome": .string("completed")])
        #expect(lost.violation?.invariant == "one_table")
    }

    @Test("one_table at the end: a task left in two tables without a logged move is caught when the run ends")
    func oneTableAtTheEnd() throws {
        var feed = Feed()
        feed.create("a")
        #expect(feed.finish() == nil)
        feed.tables.set("a", [.tasks, .closed])
        #expect(feed.finish()?.invariant == "one_table")

        var archived = Feed()
        archived.create("b")
        archived.invoke("b", attempt: 1)
        archived.complete("b")
        archived.archive("b", "completed")
        #expect(archived.finish() == nil)
        archived.tables.set("b", [.closed, .tasks])  // written back to the queue with no event logged
        #expect(archived.finish()?.invariant == "one_table")
    }

    @Test("attempts_within_max_attempts: an invocation past max_attempts is caught, the last allowed one is not")
    func attemptsWithinMaxAttempts() {
        var feed = Feed(maxAttempts: 2)
        feed.create("a")
        feed.invoke("a", attempt: 1)
        feed.expireToRetry("a", attempts: 1)
        feed.requeue("a")
        feed.invoke("a", attempt: 2)
        #expect(feed.violation == nil)
        feed.expireToRetry("a", attempts: 2)  // a Scavenger that skipped should_retry
        feed.requeue("a")
        feed.invoke("a", attempt: 3)
        #expect(feed.violation?.invariant == "attempts_within_max_attempts")
    }

    @Test("invoked_only_when_queued: an invoke duplicated by Lambda's double or a racing Orchestrator is caught")
    func invokedOnlyWhenQueued() {
        var feed = Feed()
        feed.create("a")
        feed.invoke("a", attempt: 1)
        #expect(feed.violation == nil)
        feed.invoke("a", attempt: 1)
        #expect(feed.violation?.invariant == "invoked_only_when_queued")

        var waiting = Feed()
        waiting.create("b")
        waiting.invoke("b", attempt: 1)
        waiting.expireToRetry("b", attempts: 1)
        waiting.invoke("b", attempt: 2)  // invoked from the retry table before it was requeued
        #expect(waiting.violation?.invariant == "invoked_only_when_queued")
    }

    @Test("no_recreation_by_late_completion: a completion that writes a closed task back to sosw_tasks is caught")
    func noRecreation() {
        func deadTask() -> Feed {
            var feed = Feed()
            feed.create("a")
            feed.invoke("a", attempt: 1)
            feed.task(.taskExpired, "a", ["attempts": .int(3)])
            feed.task(.taskDead, "a", ["attempts": .int(3)])
            feed.archive("a", "dead")
            return feed
        }
        var correct = deadTask()
        correct.complete("a")  // a late completion that found nothing to update
        #expect(correct.violation == nil)
        var upserting = deadTask()
        upserting.tables.set("a", [.closed, .tasks])  // an update without attribute_exists: an upsert
        upserting.complete("a")
        #expect(upserting.violation?.invariant == "no_recreation_by_late_completion")
    }

    @Test("running_within_cap: executions past cap × overlapping Orchestrators are caught")
    func runningWithinCap() {
        var single = Feed(cap: 2)
        single.orchestrator(.essentialStarted)
        single.worker(.workerStarted)
        single.worker(.workerStarted)
        single.worker(.workerFinished)
        single.worker(.workerStarted)
        single.orchestrator(.essentialFinished)
        #expect(single.violation == nil)
        single.worker(.workerStarted)
        #expect(single.violation?.invariant == "running_within_cap")

        var overlapping = Feed(cap: 2)
        overlapping.orchestrator(.essentialStarted)
        overlapping.orchestrator(.essentialStarted)
        for _ in 0..<4 { overlapping.worker(.workerStarted) }
        #expect(overlapping.violation == nil, "two Orchestrators at once may each fill the cap")
        overlapping.worker(.workerStarted)
        #expect(overlapping.violation?.invariant == "running_within_cap")
    }

    @Test("dead_has_reason: a task closed as dead before using its attempts is caught")
    func deadHasReason() {
        var feed = Feed(maxAttempts: 3)
        feed.create("a")
        feed.invoke("a", attempt: 1)
        feed.task(.taskExpired, "a", ["attempts": .int(1)])
        feed.task(.taskDead, "a", ["attempts": .int(1)])
        #expect(feed.violation?.invariant == "dead_has_reason")
    }

    @Test("archive_matches_history: completed without a completion, or dead after one, is caught")
    func archiveMatchesHistory() {
        var unfinished = Feed()
        unfinished.create("a")
        unfinished.invoke("a", attempt: 1)
        unfinished.archive("a", "completed")
        #expect(unfinished.violation?.invariant == "archive_matches_history")

        var finished = Feed()
        finished.create("a")
        finished.invoke("a", attempt: 1)
        finished.complete("a")
        finished.archive("a", "dead")
        #expect(finished.violation?.invariant == "archive_matches_history")
    }

    @Test("eventually_drained: undrained past the deadline is a violation; before it, or drained, is not")
    func eventuallyDrained() {
        var feed = Feed()
        feed.create("a")
        let end = UnixTime(seconds: Feed.start.nanoseconds / 1_000_000_000 + feed.seconds)
        #expect(feed.finish(drained: false, deadline: nil) == nil)
        #expect(feed.finish(drained: false, deadline: end + .seconds(1)) == nil)
        #expect(feed.finish(drained: true, deadline: end) == nil)
        let violation = feed.finish(drained: false, deadline: end)
        #expect(violation?.invariant == "eventually_drained" && violation?.taskID == "a")
    }

    @Test("a violation reports the last 20 events, oldest first, ending with the one that broke the invariant")
    func recentEvents() throws {
        var feed = Feed()
        for index in 0..<30 { feed.create("t\(index)") }
        feed.invoke("t0", attempt: 1)
        feed.invoke("t0", attempt: 1)
        let violation = try #require(feed.violation)
        #expect(violation.recentEvents.count == InvariantChecker.recentCapacity)
        #expect(violation.recentEvents.last?.contains("\"event\":\"task.invoked\"") == true)
        #expect(violation.recentEvents.first?.contains("\"task_id\":\"t12\"") == true)
        #expect(violation.seconds == 32)
        #expect(violation.description.contains("invariant invoked_only_when_queued violated at +32.0s: task t0:"))
    }
}

@Suite("Invariants on real runs")
struct InvariantRunTests {
    @Test("no scenario file breaks an invariant", arguments: ScenarioRunTests.engineFiles)
    func scenarioFilesKeepInvariants(_ name: String) throws {
        let result = try ScenarioRunTests.run(name)
        #expect(result.invariantViolation == nil, "\(name): \(result.invariantViolation.map(String.init(describing:)) ?? "")")
    }

    @Test("a run that keeps every invariant carries none and passes")
    func cleanRunPasses() throws {
        let scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("quickstart.yaml"))
        let result = try ScenarioRun(scenario).run(strict: true)
        #expect(result.invariantViolation == nil && result.drained)
        #expect(result.passed)
    }

    @Test("a scenario stopping when drained has a drain deadline after its start; one stopping after a time has none")
    func drainDeadlineOfAScenario() throws {
        let scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("expiry-and-retries.yaml"))
        let configuration = try SoswConfiguration(custom: scenario.config)
        let deadline = try #require(DrainDeadline.of(scenario, configuration: configuration))
        #expect(deadline > scenario.start)
        var fixed = scenario
        fixed.stop = .after(scenario.stop.limit)
        #expect(DrainDeadline.of(fixed, configuration: configuration) == nil)
    }
}
