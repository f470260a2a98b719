import Logging
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// A Swift worker built on ``Processor``, deployed in the simulated Lambda beside the WorkerAssistant: the
/// Orchestrator invokes it for a task in the in-memory DynamoDB, it works through the task's rows in virtual
/// time, hands what is left to siblings before its deadline, and the last one reports the task completed.
@Suite struct ProcessorEndToEndTests {
    static let function = "chunker"
    static let timeout = Duration.seconds(60)
    static let perRow = Duration.seconds(10)

    /// What one execution of the worker saw and did.
    struct Execution: Sendable, Hashable {
        var event: JSONValue
        var generation: Int
        var deadline: UnixTime
        var rows: [JSONValue]
        /// When the execution's handling ended: after its sibling was invoked, for a hand-off.
        var endedAt: UnixTime
        var outcome: String
    }

    /// What happened, in order.
    final class Recorded<Element: Sendable>: Sendable {
        private let elements = Mutex<[Element]>([])

        func append(_ element: Element) {
            elements.withLock { $0.append(element) }
        }

        var all: [Element] { elements.withLock { $0 } }
    }

    /// One deployment: sosw's tables, the Orchestrator over the simulated Lambda, the worker and the
    /// WorkerAssistant as functions, and SNS.
    final class World: Sendable {
        let executor: SimExecutor
        let dynamo: InMemoryDynamoDB<SimClock>
        let lambda: SimulatedLambda
        let sns: SimulatedSNS
        let taskManager: TaskManager
        let executions: Recorded<Execution>
        static let logger = Logger(label: "e2e") { _ in SwiftLogNoOpLogHandler() }

        /// - Parameters:
        ///   - siblings: the worker's `siblings_config`.
        ///   - work: the worker's code for one invocation, given the rows it processed so far.
        init(
            executor: SimExecutor, siblings: JSONValue,
            work: @escaping @Sendable (ProcessorInvocation, SimClock, Recorded<JSONValue>) async throws -> WorkOutcome
        ) async throws {
            let logger = World.logger
            let executions = Recorded<Execution>()
            let random = SeededRandom(seed: 11)
            let log = EventLog()
            let clock = executor.clock
            let dynamo = InMemoryDynamoDB(clock: clock, random: random.stream("dynamodb"))
            let lambda = SimulatedLambda(clock: clock, random: random.stream("lambda"), log: log)
            let sns = SimulatedSNS(clock: clock, random: random.stream("sns"), log: log)
            let config = try TaskManagerConfig(document: ["labourers": [
                ProcessorEndToEndTests.function: [
                    "arn": .string("arn:aws:lambda:us-east-1:000000000000:function:\(ProcessorEndToEndTests.function)"),
                    "max_simultaneous_invocations": 1,
                ],
            ]])
            for table in SoswTableSchemas.createTableInputs(config: config) {
                _ = try await dynamo.createTable(table)
            }
            let taskManager = TaskManager(
                config: config, dynamoDB: dynamo, lambda: lambda, clock: clock, wallClock: clock,
                random: random.stream("tasks"), ids: SeededIDSource(random: random.stream("ids")), logger: logger)
            try await ConfigTable(dynamoDB: dynamo).store(["siblings_config": siblings], named: "\(ProcessorEndToEndTests.function)_config")
            let processor = try await Processor.load(
                functionName: ProcessorEndToEndTests.function, configTable: ConfigTable(dynamoDB: dynamo), lambda: lambda,
                sns: sns, wallClock: clock, logger: logger)
            try lambda.register(SimulatedFunction(
                name: ProcessorEndToEndTests.function, timeout: ProcessorEndToEndTests.timeout, maximumRetryAttempts: 0,
                runtime: "provided.al2023", worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(5)))),
                behaviour: WorkerClosure { execution in
                    let context = InvocationContext(
                        requestID: execution.requestID,
                        invokedFunctionARN: "arn:aws:lambda:us-east-1:000000000000:function:\(execution.functionName)",
                        deadline: execution.deadline)
                    let rows = Recorded<JSONValue>()
                    var generation = -1
                    let outcome: String
                    do {
                        let result = try await processor.handle(event: execution.payload, context: context) { invocation in
                            generation = invocation.generation
                            return try await work(invocation, clock, rows)
                        }
                        outcome = "\(result)"
                    } catch {
                        outcome = "died"
                    }
                    executions.append(Execution(
                        event: execution.payload, generation: generation, deadline: execution.deadline,
                        rows: rows.all, endedAt: clock.currentTime(), outcome: outcome))
                    return nil
                }))
            let assistant = WorkerAssistant(dynamoDB: dynamo, wallClock: clock, logger: logger)
            try lambda.register(SimulatedFunction(
                name: "sosw_worker_assistant", timeout: .seconds(10),
                worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(5)))),
                behaviour: WorkerClosure { execution in
                    _ = try await assistant.handle(event: execution.payload)
                    return nil
                }))
            self.executor = executor
            self.dynamo = dynamo
            self.lambda = lambda
            self.sns = sns
            self.taskManager = taskManager
            self.executions = executions
        }

        /// Queues one task with `rows`, runs the Orchestrator once, and lets the functions run for 10 minutes.
        func run(rows: [JSONValue]) async throws -> (task: TaskRecord, item: DynamoItem?) {
            let lambda = self.lambda
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await lambda.run() }
                let task = try await taskManager.createTask(labourerID: ProcessorEndToEndTests.function, arguments: ["rows": .array(rows)])
                let orchestrator = Orchestrator(
                    config: try OrchestratorConfig(document: SoswDefaults.orchestrator), taskManager: taskManager,
                    ecology: Ecology(cloudWatch: ScriptedCloudWatch(), wallClock: executor.clock, logger: World.logger), logger: World.logger)
                #expect(await orchestrator.run().invoked == 1)
                try await executor.clock.sleep(for: .seconds(600))
                lambda.shutdown()
                try await group.waitForAll()
                let item = try await dynamo.getItem(GetItemInput(
                    tableName: taskManager.config.tasksTable, key: ["task_id": .s(task.taskID)])).item
                return (task, item)
            }
        }
    }

    /// A worker that takes ``perRow`` per row and hands off when ``ProcessorInvocation/shouldHandOff`` says so.
    static let rowByRow: @Sendable (ProcessorInvocation, SimClock, Recorded<JSONValue>) async throws -> WorkOutcome = {
        invocation, clock, done in
        let rows = invocation.event["rows"]?.arrayValue ?? []
        for (index, row) in rows.enumerated() {
            if invocation.shouldHandOff { return .remaining(["rows": .array(Array(rows[index...]))]) }
            try await clock.sleep(for: perRow)
            done.append(row)
            invocation.incrementStat("rows")
        }
        return .finished
    }

    @Test func siblingsContinueTheWorkBeforeEachDeadlineAndTheLastReportsTheTask() throws {
        let executor = SimExecutor(start: simulationStart, strict: true)
        try executor.run {
            let world = try await World(
                executor: executor, siblings: ["auto_spawning": true, "shutdown_period": 15], work: Self.rowByRow)
            let rows = (1...12).map { JSONValue.int(Int64($0)) }
            let (task, item) = try await world.run(rows: rows)
            let executions = world.executions.all

            // 60 s each, a hand-off once 15 s or less are left: 5 rows, 5 rows, then the last 2.
            #expect(executions.map(\.rows) == [Array(rows[0..<5]), Array(rows[5..<10]), Array(rows[10...])])
            #expect(executions.map(\.generation) == [0, 1, 2])
            #expect(executions.map(\.outcome) == ["handedOff(generation: 1)", "handedOff(generation: 2)", "completed"])
            // Each hand-off happened as the fifth row ended (5 ms after the start, 15 s or less before the
            // deadline): the sibling was invoked with 10 s of the invocation left.
            for execution in executions.dropLast() {
                #expect(execution.deadline - execution.endedAt == .seconds(10) - .milliseconds(5))
            }
            // The Orchestrator's event (the payload with the task's fields on top), then the siblings' events: the rows left, the task, the generation.
            #expect(executions[0].event["task_id"] == .string(task.taskID))
            #expect(executions[0].event["rows"] == .array(rows))
            #expect(executions[1].event == ["rows": .array(Array(rows[5...])), "task_id": .string(task.taskID), "sibling_generation": 1])
            #expect(executions[2].event == ["rows": .array(Array(rows[10...])), "task_id": .string(task.taskID), "sibling_generation": 2])

            // Only the last invocation reported, with its own statistics.
            let stored = try #require(item)
            #expect(stored["completed_at"] != nil)
            #expect(stored["stat_rows"] == 2)
            #expect(stored["stat_processor_calls"] == 1)
            #expect(stored["failed_attempts"] == nil)
            #expect(world.lambda.statistics(of: "sosw_worker_assistant")?.asyncInvocations == 1)
            #expect(world.sns.notifications.isEmpty)
        }
    }

    @Test func theGenerationLimitStopsAWorkerThatWouldRespawnForever() throws {
        let executor = SimExecutor(start: simulationStart, strict: true)
        try executor.run {
            // Hands everything on at once, every time: without a limit, a chain that never ends.
            let world = try await World(
                executor: executor, siblings: ["auto_spawning": true, "max_generations": 3]
            ) { invocation, _, _ in
                .remaining(["rows": invocation.event["rows"] ?? []])
            }
            let (task, item) = try await world.run(rows: [1, 2, 3])
            let executions = world.executions.all

            #expect(executions.map(\.generation) == [0, 1, 2, 3])
            #expect(executions.map(\.outcome) == [
                "handedOff(generation: 1)", "handedOff(generation: 2)", "handedOff(generation: 3)", "died",
            ])
            #expect(world.lambda.statistics(of: Self.function)?.asyncInvocations == 4)
            let alert = try #require(world.sns.notifications.first)
            #expect(world.sns.notifications.count == 1)
            #expect(alert.topicArn == "arn:aws:sns:us-east-1:000000000000:SoswWorkerErrors")
            #expect(alert.subject == "chunker died")
            #expect(alert.message.contains("this chain already has 3 siblings"))
            // Reported failed, not completed: the task expires and the Scavenger retries it or lets it die.
            let stored = try #require(item)
            #expect(stored["completed_at"] == nil)
            #expect(stored["failed_attempts"] == 1)
            #expect(stored["task_id"] == .s(task.taskID))
        }
    }

    @Test func withoutPermissionTheWorkIsNotHandedOnAndTheInvocationDies() throws {
        let executor = SimExecutor(start: simulationStart, strict: true)
        try executor.run {
            let world = try await World(executor: executor, siblings: ["shutdown_period": 15], work: Self.rowByRow)
            let (_, item) = try await world.run(rows: (1...8).map { .int($0) })
            #expect(world.executions.all.map(\.outcome) == ["died"])
            #expect(world.sns.notifications.map(\.message).first?.contains("set `siblings_config.auto_spawning` to true") == true)
            #expect(item?["failed_attempts"] == 1)
        }
    }
}
