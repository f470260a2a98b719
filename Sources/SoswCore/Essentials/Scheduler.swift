import Logging

/// sosw's Scheduler: splits a job into tasks and writes them, within the invocation's time.
///
/// Tasks are written `rows_to_process` at a time (one greenfield Query and `BatchWriteItem`s per chunk). When
/// less than `shutdown_period` is left before the deadline, the rest is handed to a sibling invocation of
/// this function with a ``SchedulerCursor`` in its event.
public final class Scheduler<C: Clock<Duration>>: Sendable {
    public let config: SchedulerConfig
    public let taskManager: TaskManager
    let lambda: any Lambda
    /// This Scheduler's own function name: where continuations are sent.
    public let functionName: String
    let periods: PeriodResolver
    let clock: C
    let wallClock: any WallClock
    let random: any RandomSource
    let logger: Logger
    public let stats: StatsCounter

    public struct Report: Hashable, Sendable {
        public var labourerID: String
        /// Tasks of the whole job.
        public var total: Int
        /// Tasks this invocation wrote.
        public var written: Int
        /// The cursor handed to a sibling, when time ran out.
        public var handedOff: SchedulerCursor?

        /// `{"labourer_id", "total", "written", "handed_off"}`; `handed_off` is `null`, or
        /// `{"next", "today"}` of the cursor handed to a sibling.
        public var json: JSONValue {
            [
                "labourer_id": .string(labourerID), "total": .int(Int64(total)), "written": .int(Int64(written)),
                "handed_off": handedOff.map { ["next": .int(Int64($0.next)), "today": .string($0.today.description)] } ?? .null,
            ]
        }
    }

    /// - Parameters:
    ///   - periodHandlers: handlers for `custom_period_patterns`, by sosw method name.
    ///   - random: jitter for the backoff of a failed hand-off.
    public init(
        config: SchedulerConfig, taskManager: TaskManager, lambda: any Lambda, functionName: String = "sosw_scheduler",
        periodHandlers: [String: PeriodResolver.Handler] = [:], clock: C, wallClock: any WallClock,
        random: any RandomSource, logger: Logger = .sosw, stats: StatsCounter = StatsCounter()
    ) throws {
        self.config = config
        self.taskManager = taskManager
        self.lambda = lambda
        self.functionName = functionName
        self.periods = try PeriodResolver(customPatterns: config.customPeriodPatterns, handlers: periodHandlers)
        self.clock = clock
        self.wallClock = wallClock
        self.random = random
        self.logger = logger
        self.stats = stats
    }

    /// One Scheduler invocation: a job event or a sibling's continuation. `deadline` is when the
    /// invocation is stopped (start + the function's timeout).
    public func run(event: JSONValue, deadline: C.Instant) async throws -> Report {
        let cursor = try SchedulerCursor(event: event)
        let jobEvent = cursor.map { JSONValue.object($0.job) } ?? event
        let job = try SchedulerJob(event: jobEvent)
        guard taskManager.config.labourer(id: job.labourerID) != nil else {
            throw SchedulerError.unknownLabourer(job.labourerID, known: taskManager.config.labourers.map(\.id))
        }
        let today = cursor?.today ?? CivilDate(wallClock.currentTime())
        let chunker = JobChunker(attributes: try config.jobSchema(named: job.schemaName).chunkableAttributes, periods: periods)
        let rows = try chunker.tasks(for: job.body, labourerID: job.labourerID, today: today).map { $0.objectValue ?? [:] }
        var jobWithName = job.body
        jobWithName["lambda_name"] = .string(job.labourerID)

        var next = min(cursor?.next ?? 0, rows.count)
        var written = Set(cursor?.written ?? [])
        var report = Report(labourerID: job.labourerID, total: rows.count, written: 0)
        var pacing: SchedulerPacing?
        while next < rows.count {
            if clock.now.duration(to: deadline) <= config.shutdownPeriod {
                let handOff = SchedulerCursor(job: jobWithName, today: today, next: next, written: written.sorted())
                try await spawnSibling(handOff)
                report.handedOff = handOff
                break
            }
            let range = next..<min(next + config.rowsToProcess, rows.count)
            let positions = range.filter { !written.contains($0) }
            let chunk = positions.map { rows[$0] }
            let created = try await createTasks(
                labourerID: job.labourerID, chunk, at: positions,
                resuming: SchedulerCursor(job: jobWithName, today: today, next: next, written: written.sorted()))
            written.subtract(range)
            if let meta = taskManager.meta {
                for task in created {
                    await meta.post(taskID: task.taskID, action: .created, fields: ["labourer": job.labourerID])
                }
            }
            next = range.upperBound
            report.written += chunk.count
            if pacing == nil { pacing = await tasksTablePacing() }
            if let pause = pacing?.pause(afterWriting: chunk.count), pause > .zero { try await clock.sleep(for: pause) }
        }
        stats.increment("scheduled_tasks", by: report.written)
        return report
    }

    /// Invokes this function asynchronously with the cursor, retrying a refused call a few times.
    func spawnSibling(_ cursor: SchedulerCursor) async throws {
        var attempt = 0
        while true {
            attempt += 1
            do {
                _ = try await lambda.invoke(InvokeInput(functionName: functionName, invocationType: .event, json: cursor.event))
                stats.increment("siblings_spawned")
                logger.info("scheduler: handed tasks from #\(cursor.next) of job for \(cursor.job["lambda_name"]?.stringValue ?? "?") to a sibling")
                return
            } catch {
                guard attempt < 4 else { throw SchedulerError.handOffFailed(cursor: cursor, error: String(describing: error)) }
                try await clock.sleep(for: .milliseconds(Int64(random.integer(below: 200 << attempt))))
            }
        }
    }
}

/// Why a Scheduler invocation stopped.
public enum SchedulerError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownLabourer(String, known: [String])
    case handOffFailed(cursor: SchedulerCursor, error: String)
    /// DynamoDB kept refusing part of a batch of new tasks; `cursor` continues after the tasks written.
    case batchRefused(cursor: SchedulerCursor, error: String)

    public var description: String {
        switch self {
        case .unknownLabourer(let id, let known):
            return "the job's `lambda_name` \(id) is not a labourer in `task_config.labourers` (configured: "
                + "\(known.joined(separator: ", ")))"
        case .handOffFailed(let cursor, let error):
            return "time ran out at task #\(cursor.next) and invoking a sibling failed (\(error)); resend this "
                + "event to continue: \(cursor.event.serialized())"
        case .batchRefused(let cursor, let error):
            return "writing the job's tasks stopped at task #\(cursor.next): \(error). Every task before it is written"
                + (cursor.written.isEmpty ? "" : ", and so are #\(cursor.written.map(String.init).joined(separator: ", #"))")
                + "; once the table takes writes again, run the Scheduler with this event to write the rest, none twice: "
                + cursor.event.serialized()
        }
    }
}
