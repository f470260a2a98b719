/// How long the Scheduler waits after writing tasks, so that a job does not outrun the write capacity of a
/// provisioned `sosw_tasks` table: sosw sleeps `max(1/WCU − task_operational_overhead_for_ddb, 0)` seconds after
/// each task it writes, the overhead being what the write itself is assumed to take.
///
/// sosw writes one PutItem per task; this Scheduler writes a chunk of tasks in batches, so it waits once per
/// chunk for as long as sosw would have waited after each of its tasks: n tasks → n × that pause. The rate over a
/// job is sosw's, and the batches keep the writes themselves fewer. A table billed per request reports 0 write
/// units, and sosw then does not wait at all (its division by zero is caught); neither does this.
public struct SchedulerPacing: Sendable, Hashable {
    /// The wait per task written.
    public let pausePerTask: Duration

    /// - Parameters:
    ///   - writeCapacityUnits: the table's provisioned write units; 0 (or less) for a table billed per request.
    ///   - overhead: `task_operational_overhead_for_ddb`, in seconds.
    public init(writeCapacityUnits: Int64, overhead: Double) {
        guard writeCapacityUnits > 0 else {
            pausePerTask = .zero
            return
        }
        let seconds = max(1 / Double(writeCapacityUnits) - overhead, 0)
        pausePerTask = .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// The pacing for the table `table`, read once by DescribeTable (as sosw reads it once per Scheduler).
    public static func describing(
        _ table: String, dynamoDB: any DynamoDB, overhead: Double
    ) async throws -> SchedulerPacing {
        let description = try await dynamoDB.describeTable(DescribeTableInput(tableName: table)).table
        return SchedulerPacing(
            writeCapacityUnits: description?.provisionedThroughput?.writeCapacityUnits ?? 0, overhead: overhead)
    }

    /// The wait after writing `tasks` tasks.
    public func pause(afterWriting tasks: Int) -> Duration {
        pausePerTask * tasks
    }
}

extension Scheduler {
    /// The pacing of this run's writes to the tasks table, read after its first chunk is written (so a run
    /// with nothing to write asks nothing). When DescribeTable fails the run goes on unpaced, with a warning:
    /// failing would have the invocation retried, and the tasks already written written again.
    func tasksTablePacing() async -> SchedulerPacing {
        let table = taskManager.config.tasksTable
        do {
            return try await SchedulerPacing.describing(
                table, dynamoDB: taskManager.dynamoDB, overhead: config.taskOperationalOverheadForDDB)
        } catch {
            logger.warning("scheduler: DescribeTable of \(table) failed, writing without pacing: \(error)")
            return SchedulerPacing(writeCapacityUnits: 0, overhead: config.taskOperationalOverheadForDDB)
        }
    }
}
