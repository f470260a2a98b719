import Logging

/// sosw's Scavenger: for each labourer, archives completed tasks, retries or kills expired ones, and
/// puts due retries back at the head of the queue. Reports expired tasks to its TaskManager's observer.
public final class Scavenger: Sendable {
    public let config: ScavengerConfig
    public let taskManager: TaskManager
    public let notifier: Notifier
    let random: any RandomSource
    let logger: Logger
    public let stats: StatsCounter

    /// What one run did for one labourer.
    public struct LabourerRun: Hashable, Sendable {
        public var labourerID: String
        public var archived = 0
        public var scheduledForRetry = 0
        public var dead = 0
        public var requeued = 0

        public init(labourerID: String, archived: Int = 0, scheduledForRetry: Int = 0, dead: Int = 0, requeued: Int = 0) {
            self.labourerID = labourerID
            self.archived = archived
            self.scheduledForRetry = scheduledForRetry
            self.dead = dead
            self.requeued = requeued
        }

        /// `{"labourer_id", "archived", "scheduled_for_retry", "dead", "requeued"}`.
        public var json: JSONValue {
            [
                "labourer_id": .string(labourerID), "archived": .int(Int64(archived)),
                "scheduled_for_retry": .int(Int64(scheduledForRetry)), "dead": .int(Int64(dead)),
                "requeued": .int(Int64(requeued)),
            ]
        }
    }

    public struct Report: Hashable, Sendable {
        public var labourers: [LabourerRun] = []
        public var failures: [LabourerFailure] = []

        /// The totals over the labourers (`archived`, `scheduled_for_retry`, `dead`, `requeued`), then
        /// `"labourers": [``LabourerRun/json``]` and `"failures": [``LabourerFailure/json``]`: what a run prints.
        public var json: JSONValue {
            let totals: [(String, KeyPath<LabourerRun, Int>)] = [
                ("archived", \.archived), ("scheduled_for_retry", \.scheduledForRetry), ("dead", \.dead),
                ("requeued", \.requeued),
            ]
            var json: [String: JSONValue] = [
                "labourers": .array(labourers.map(\.json)), "failures": .array(failures.map(\.json)),
            ]
            for (name, field) in totals {
                json[name] = .int(Int64(labourers.reduce(0) { $0 + $1[keyPath: field] }))
            }
            return .object(json)
        }
    }

    /// - Parameter random: the jitter of `exponential` retry delays.
    public init(
        config: ScavengerConfig, taskManager: TaskManager, notifier: Notifier, random: any RandomSource,
        logger: Logger = .sosw, stats: StatsCounter = StatsCounter()
    ) {
        self.config = config
        self.taskManager = taskManager
        self.notifier = notifier
        self.random = random
        self.logger = logger
        self.stats = stats
    }

    /// One Scavenger invocation. Each labourer's three stages run in sosw's order; a failing stage is logged,
    /// counted and reported, and the next stage and the other labourers still run. Dead-task notices are
    /// published once at the end.
    public func run() async -> Report {
        stats.increment("runs")
        var report = Report()
        for labourer in taskManager.registerLabourers() {
            var run = LabourerRun(labourerID: labourer.id)
            await stage("archive", labourer, &report) { run.archived = try await archiveCompleted(labourer) }
            await stage("expired", labourer, &report) {
                (run.scheduledForRetry, run.dead) = try await handleExpired(labourer)
            }
            await stage("retry", labourer, &report) { run.requeued = try await requeueDueRetries(labourer) }
            report.labourers.append(run)
        }
        do {
            try await notifier.commit()
        } catch {
            stats.increment("notification_failures")
            logger.error("scavenger: dead-task notices not published: \(error)")
        }
        return report
    }

    private func stage(
        _ name: String, _ labourer: RegisteredLabourer, _ report: inout Report, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
        } catch {
            stats.increment("labourer_failures")
            logger.error("scavenger: labourer \(labourer.id) failed at \(name): \(error)")
            report.failures.append(LabourerFailure(labourerID: labourer.id, stage: name, error: String(describing: error)))
        }
    }

    /// sosw's `archive_tasks`, the first stage of ``run()`` for one labourer: moves its completed tasks from
    /// the tasks table to the closed table. Public, like the other stages, so a regression test can run one
    /// stage on its own at a precise moment; ``run()`` is what production calls.
    /// - Parameter labourer: one of ``TaskManager/registerLabourers()``.
    /// - Returns: how many tasks this call archived (a task another Scavenger moved first is not counted).
    /// - Throws: the first failed query or move; the tasks archived before it stay archived.
    public func archiveCompleted(_ labourer: RegisteredLabourer) async throws -> Int {
        var archived = 0
        for task in try await taskManager.completedTasks(for: labourer) {
            if try await taskManager.archive(task) { archived += 1 }
        }
        return archived
    }

    /// sosw's `handle_expired_tasks`, the second stage of ``run()`` for one labourer: each task invoked before
    /// the labourer's expiry boundary and not completed is moved to the retry table, due after the labourer's
    /// retry delay, while attempts remain; else archived as dead with the reason and announced through
    /// ``notifier``.
    /// - Parameter labourer: one of ``TaskManager/registerLabourers()``, whose `expired` marker is the boundary.
    /// - Returns: how many tasks this call moved to the retry table, and how many it archived as dead.
    /// - Throws: the first failed query or move. The dead-task notices wait in ``notifier``: ``run()``
    ///   publishes them at its end, and a caller of this stage alone has ``notifier`` publish them itself.
    public func handleExpired(_ labourer: RegisteredLabourer) async throws -> (retried: Int, dead: Int) {
        var retried = 0
        var dead = 0
        let expired = try await taskManager.expiredTasks(for: labourer)
        guard !expired.isEmpty else { return (0, 0) }
        for task in expired {
            taskManager.observer.observe(.expired(taskID: task.taskID, labourerID: labourer.id, attempts: task.attempts))
            if labourer.labourer.shouldRetry(attempts: task.attempts) {
                let maxDuration = try await taskManager.maxDuration(of: labourer.labourer)
                let delay = labourer.labourer.retryDelay.delay(attempts: task.attempts, maxDuration: maxDuration, random: random)
                if try await taskManager.moveToRetry(task, delay: delay) { retried += 1 }
            } else {
                let reason = "expired after \(task.attempts) of \(labourer.labourer.maxAttempts) attempts"
                if try await taskManager.archive(task, deadReason: reason) {
                    dead += 1
                    try await notifier.send(
                        "Closing dead task: \(task.taskID) (labourer \(labourer.id): \(reason))", subject: Notifier.deadTaskSubject)
                }
            }
        }
        return (retried, dead)
    }

    /// sosw's `retry_tasks`, the last stage of ``run()`` for one labourer: moves the retries now due (at most
    /// the config's `retry_tasks_limit`) from the retry table back to the head of the queue.
    /// - Parameter labourer: one of ``TaskManager/registerLabourers()``; its `start` marker says what is due.
    /// - Returns: how many tasks this call put back in the queue.
    /// - Throws: the first failed query or move; the tasks requeued before it stay requeued.
    public func requeueDueRetries(_ labourer: RegisteredLabourer) async throws -> Int {
        let due = try await taskManager.tasksDueForRetry(for: labourer, limit: config.retryTasksLimit)
        return try await taskManager.retry(due, for: labourer)
    }
}
