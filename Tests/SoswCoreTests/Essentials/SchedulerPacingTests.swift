import Logging
import SoswCore
import SoswSimulation
import Testing

/// The Scheduler waits after writing tasks as sosw's does, `max(1/WCU − task_operational_overhead_for_ddb, 0)`
/// per task, the WCU read once per run by DescribeTable of the tasks table; not at all on an on-demand table.
@Suite struct SchedulerPacingTests {
    /// Runs the tutorial job (36 tasks, 10 per chunk) against `sosw_tasks` provisioned with `wcu` write units
    /// (on-demand when nil); returns the report, the virtual time the run took and the DescribeTable calls.
    static func runTutorialJob(wcu: Int64?, overhead: Double? = nil) throws -> (Scheduler<SimClock>.Report, Duration, Int) {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        return try executor.run {
            let clock = executor.clock
            let random = SeededRandom(seed: 3)
            let calls = AWSCallCounter()
            let fake = InMemoryDynamoDB(clock: clock, random: random.stream("dynamodb"))
            let dynamoDB = CountedDynamoDB(fake, counter: calls)
            let config = try TaskManagerConfig(document: ["labourers": testLabourers])
            let throughput = wcu.map { wcu in
                [config.tasksTable: TableThroughput(table: ProvisionedThroughput(readCapacityUnits: 3, writeCapacityUnits: wcu))]
            } ?? [:]
            for table in TableThroughput.provisioning(throughput, in: SoswTableSchemas.createTableInputs(config: config)) {
                _ = try await fake.createTable(table)
            }
            let logger = Logger(label: "pacing") { _ in SwiftLogNoOpLogHandler() }
            let lambda = RecordingLambda()
            let taskManager = TaskManager(
                config: config, dynamoDB: dynamoDB, lambda: lambda, clock: clock, wallClock: clock,
                random: random.stream("tasks"), ids: SeededIDSource(random: random.stream("ids")), logger: logger)
            var schedulerDocument = tutorialSchedulerConfig.objectValue ?? [:]
            if let overhead { schedulerDocument["task_operational_overhead_for_ddb"] = .double(overhead) }
            let scheduler = try Scheduler(
                config: try SchedulerConfig(document: .object(schedulerDocument)), taskManager: taskManager,
                lambda: lambda, clock: clock, wallClock: clock, random: random.stream("siblings"), logger: logger)
            let began = clock.now
            let report = try await scheduler.run(event: ["job": tutorialJob], deadline: began.advanced(by: .seconds(900)))
            return (report, began.duration(to: clock.now), calls["DynamoDB.DescribeTable"].calls)
        }
    }

    @Test func onATwoWCUTableTheTutorialJobTakesSoswsSleepPerTask() throws {
        let (report, elapsed, describeCalls) = try Self.runTutorialJob(wcu: 2)
        #expect(report.written == 36)
        // sosw's default overhead, 0.03 s, less than 1/WCU = 0.5 s: 0.47 s per task written.
        let expected = Double(report.written) * (1.0 / 2 - 0.03)
        #expect(abs(elapsed.secondsValue - expected) < 1e-6)
        #expect(describeCalls == 1)
    }

    @Test func theOverheadComesFromTheSchedulersConfig() throws {
        let (report, elapsed, _) = try Self.runTutorialJob(wcu: 4, overhead: 0.05)
        #expect(abs(elapsed.secondsValue - Double(report.written) * (1.0 / 4 - 0.05)) < 1e-6)
    }

    @Test func anOverheadAboveOneOverWCUMeansNoWait() throws {
        let (report, elapsed, _) = try Self.runTutorialJob(wcu: 10, overhead: 0.2)
        #expect(report.written == 36)
        #expect(elapsed == .zero)
    }

    @Test func onAnOnDemandTableTheSchedulerDoesNotWait() throws {
        let (report, elapsed, describeCalls) = try Self.runTutorialJob(wcu: nil)
        #expect(report.written == 36)
        #expect(elapsed == .zero)
        #expect(describeCalls == 1)
    }

    @Test func thePausePerTaskIsSoswsFormula() {
        #expect(SchedulerPacing(writeCapacityUnits: 2, overhead: 0.03).pausePerTask == .milliseconds(470))
        #expect(SchedulerPacing(writeCapacityUnits: 2, overhead: 0.03).pause(afterWriting: 10) == .milliseconds(4700))
        #expect(SchedulerPacing(writeCapacityUnits: 0, overhead: 0.03).pausePerTask == .zero)
        #expect(SchedulerPacing(writeCapacityUnits: 1, overhead: 2).pausePerTask == .zero)
    }
}
