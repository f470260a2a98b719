import Logging
import SoswCore
import SoswSimulation
import Testing

/// The Scheduler waits after writing tasks as sosw's does, `max(1/WCU − task_operational_overhead_for_ddb, 0)`
/// per task, the WCU read once per run by DescribeTable of the tasks table; not at all on an on-demand table.
@Suite struct SchedulerPacingTests {
    /// A Scheduler (10 tasks per chunk, a minute's shutdown period) writing into `sosw_tasks` provisioned with
    /// `wcu` write units (on-demand when nil), its DynamoDB calls counted into `calls`.
    static func scheduler(
        _ executor: SimExecutor, wcu: Int64?, overhead: Double? = nil, calls: AWSCallCounter = AWSCallCounter()
    ) async throws -> (Scheduler<SimClock>, InMemoryDynamoDB<SimClock>, RecordingLambda) {
        let clock = executor.clock
        let random = SeededRandom(seed: 3)
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
        return (scheduler, fake, lambda)
    }

    /// Runs the tutorial job (36 tasks, 10 per chunk) against `sosw_tasks` provisioned with `wcu` write units
    /// (on-demand when nil); returns the report, the virtual time the run took and the DescribeTable calls.
    static func runTutorialJob(wcu: Int64?, overhead: Double? = nil) throws -> (Scheduler<SimClock>.Report, Duration, Int) {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        return try executor.run {
            let clock = executor.clock
            let calls = AWSCallCounter()
            let (scheduler, _, _) = try await Self.scheduler(executor, wcu: wcu, overhead: overhead, calls: calls)
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

    @Test func aJobArrivingWhileAnEarlierOneWaitsForItsSiblingContinuesWithNothingWrittenTwiceOrLost() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        let (tasks, firstRuns) = try executor.run {
            let (scheduler, fake, lambda) = try await Self.scheduler(executor, wcu: 2)
            // 70 s per run, 60 s of them the shutdown period, 4.7 s of pacing per chunk of 10: three chunks a run.
            let runLength = Duration.seconds(70)
            let first = try await scheduler.run(event: ["job": tutorialJob], deadline: executor.clock.now.advanced(by: runLength))
            // The next job arrives before the first one's sibling has run.
            let second = try await scheduler.run(event: ["job": tutorialJob], deadline: executor.clock.now.advanced(by: runLength))
            var pending = lambda.invocations.map(\.payload)
            var written = first.written + second.written
            while !pending.isEmpty {
                let event = pending.removeFirst()
                let before = lambda.invocations.count
                let report = try await scheduler.run(event: event, deadline: executor.clock.now.advanced(by: runLength))
                written += report.written
                pending += lambda.invocations.dropFirst(before).map(\.payload)
            }
            #expect(written == 72)
            let items = try await fake.scan(ScanInput(tableName: "sosw_tasks")).items ?? []
            let tasks = try items.map { item in
                let payload = try JSONValue(parsing: item["payload"]?.stringValue ?? "")
                return [payload["date_list"], payload["topics"], payload["words"]].map { $0?.serialized() ?? "-" }
                    .joined(separator: " ")
            }
            return (tasks, [first, second])
        }
        #expect(firstRuns.map(\.written) == [30, 30])
        #expect(firstRuns.map { $0.handedOff?.next } == [30, 30])
        // Both jobs' 36 tasks, each exactly once per job.
        #expect(tasks.count == 72)
        #expect(Set(tasks).count == 36)
        #expect(Dictionary(grouping: tasks, by: { $0 }).values.allSatisfy { $0.count == 2 })
    }

    @Test func thePausePerTaskIsSoswsFormula() {
        #expect(SchedulerPacing(writeCapacityUnits: 2, overhead: 0.03).pausePerTask == .milliseconds(470))
        #expect(SchedulerPacing(writeCapacityUnits: 2, overhead: 0.03).pause(afterWriting: 10) == .milliseconds(4700))
        #expect(SchedulerPacing(writeCapacityUnits: 0, overhead: 0.03).pausePerTask == .zero)
        #expect(SchedulerPacing(writeCapacityUnits: 1, overhead: 2).pausePerTask == .zero)
    }
}
