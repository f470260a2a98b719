import Logging
import SoswCore
import SoswSimulation

/// One sosw deployment under the simulation clock, ready for a regression test: the in-memory DynamoDB with
/// sosw's tables, a Lambda double, a ``ScriptedCloudWatch`` and ``RecordingSNS`` clients, and the essentials
/// (TaskManager, Orchestrator, Scavenger, Scheduler, WorkerAssistant, Notifier) wired to them by
/// ``SoswCore/SoswEssentials`` — the wiring a scenario run and production use — through call-counting ports.
///
/// Build it inside ``simulate(start:scheduling:_:)``:
///
/// ```swift
/// try simulate { executor in
///     let deployment = try await SimulatedDeployment(executor: executor, configuration: [
///         "task_config": ["labourers": ["worker_a": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker_a"]]],
///     ])
///     let task = try await deployment.taskManager.createTask(labourerID: "worker_a", arguments: [:])
///     _ = try await deployment.orchestrator().run()
///     await deployment.expectTask(task.taskID, in: .running)
/// }
/// ```
///
/// Every random draw comes from one seed, each use from its own stream (as in a scenario run), and every
/// time from the executor's virtual clock, so the same test gives the same tables every time.
public struct SimulatedDeployment<L: Lambda>: Sendable {
    public let executor: SimExecutor
    /// The seeded source behind every random draw and task id; ask it for a new stream for a test's own draws.
    public let random: SeededRandom
    /// The DynamoDB fake itself: reading it directly is not counted in ``calls``.
    public let dynamoDB: InMemoryDynamoDB<SimClock>
    /// Every AWS call the essentials made, by operation.
    public let calls: AWSCallCounter
    public let lambda: L
    public let cloudWatch: ScriptedCloudWatch
    /// The SNS clients the essentials' notifiers asked for, one per request, with what they published.
    public let snsClients: SNSClients
    public let logs: LogCapture
    public let events: TaskEventRecorder
    /// The essentials, wired to the counted doubles, the virtual clock and the seeded streams.
    public let essentials: SoswEssentials<SimClock>
    /// The Ecology of one warm Orchestrator container, shared by every ``orchestrator(coefficients:)``: it
    /// keeps the last known metric values across runs, as a Lambda container that stays warm does.
    public let ecology: Ecology
    /// The configuration document the deployment was built from.
    public let configurationDocument: JSONValue

    /// Creates sosw's tables in a new in-memory DynamoDB and wires the essentials to it.
    ///
    /// - Parameters:
    ///   - configuration: sosw's configuration, as one document (a scenario's `config:`): `task_config`
    ///     with its `labourers`, `sns_config`, `invocation_number_coefficient`, ….
    ///   - seed: the seed of every random stream (batch-write backoff, retry jitter, task ids, the fake's own).
    ///   - lambda: the Lambda double, made from the deployment's seeded source (a ``RecordingLambda``, or a
    ///     ``SoswSimulation/SimulatedLambda`` whose service loop the test runs).
    /// - Throws: ``SoswCore/ConfigError`` naming the key path of a value the essentials cannot use.
    public init(
        executor: SimExecutor, configuration: JSONValue, seed: UInt64 = 7, lambda: (SeededRandom) -> L
    ) async throws {
        self.executor = executor
        configurationDocument = configuration
        let random = SeededRandom(seed: seed)
        self.random = random
        dynamoDB = InMemoryDynamoDB(clock: executor.clock, random: random.stream("dynamodb"))
        calls = AWSCallCounter()
        self.lambda = lambda(random.stream("lambda"))
        cloudWatch = ScriptedCloudWatch()
        let snsClients = SNSClients()
        self.snsClients = snsClients
        logs = LogCapture()
        events = TaskEventRecorder()
        let calls = calls
        essentials = SoswEssentials(
            configuration: try SoswConfiguration(custom: configuration),
            ports: SoswPorts(
                dynamoDB: CountedDynamoDB(dynamoDB, counter: calls), lambda: CountedLambda(self.lambda, counter: calls),
                cloudWatch: CountedCloudWatch(cloudWatch, counter: calls),
                sns: { region in CountedSNS(snsClients.client(region: region), counter: calls) }),
            environment: SoswEnvironment(
                clock: executor.clock, wallClock: executor.clock, random: { random.stream($0) },
                ids: SeededIDSource(random: random.stream("task-ids")), logger: logs.logger, observer: events))
        ecology = Ecology(
            cloudWatch: essentials.ports.cloudWatch, wallClock: executor.clock, logger: logs.logger,
            defaultMetricValues: essentials.configuration.taskManager.defaultMetricValues)
        for table in SoswTableSchemas.createTableInputs(config: essentials.configuration.taskManager) {
            _ = try await dynamoDB.createTable(table)
        }
    }

    public var configuration: SoswConfiguration { essentials.configuration }
    public var taskManager: TaskManager { essentials.taskManager }
    public var clock: SimClock { executor.clock }
    /// The current virtual time.
    public var now: UnixTime { executor.clock.currentTime() }

    /// Lets `duration` of virtual time pass: everything due meanwhile (a simulated worker finishing, a
    /// backoff ending) runs first.
    public func advance(_ duration: Duration) async throws {
        try await executor.clock.sleep(for: duration)
    }

    /// Lets virtual time pass until `time` (at once when it is not in the future).
    public func advance(to time: UnixTime) async throws {
        guard time > now else { return }
        try await advance(time - now)
    }

    /// Lets virtual time pass, `step` at a time, until no sleep other than the caller's is pending — every
    /// simulated execution, backoff and delivery due has happened — or until `limit` has passed.
    ///
    /// A service loop waiting for work (``SoswSimulation/SimulatedLambda/run()``) holds no sleep, so it does
    /// not keep the deployment busy.
    /// - Returns: whether the deployment went idle within `limit`.
    public func advanceUntilIdle(step: Duration = .seconds(1), limit: Duration = .seconds(24 * 3600)) async throws -> Bool {
        let end = now + limit
        while true {
            // A sleep until now returns once every job ready at this instant has run.
            try await advance(.zero)
            if executor.pendingSleeps == 0 { return true }
            guard now < end else { return false }
            try await advance(min(step, end - now))
        }
    }

    /// An Orchestrator on the warm ``ecology``.
    /// - Parameter coefficients: replaces the configuration's `invocation_number_coefficient` (health level
    ///   → share of the cap), to try another policy on the same tables.
    /// - Throws: ``SoswCore/ConfigError`` for coefficients the Orchestrator cannot use.
    public func orchestrator(coefficients: JSONValue? = nil) throws -> Orchestrator {
        var config = configuration.orchestrator
        if let coefficients {
            var document = configurationDocument.objectValue ?? [:]
            document["invocation_number_coefficient"] = coefficients
            config = try OrchestratorConfig(document: .object(document))
        }
        return Orchestrator(config: config, taskManager: taskManager, ecology: ecology, logger: logs.logger)
    }

    /// A WorkerAssistant recording workers' reports in the tasks table.
    public func workerAssistant() -> WorkerAssistant {
        essentials.workerAssistant()
    }

    /// The labourer `id` registered now: the markers every query of a run started now uses.
    /// - Throws: ``SimulatedDeploymentError/unknownLabourer(_:known:)``.
    public func registered(_ id: String) throws -> RegisteredLabourer {
        let labourers = taskManager.registerLabourers()
        guard let labourer = labourers.first(where: { $0.id == id }) else {
            throw SimulatedDeploymentError.unknownLabourer(id, known: labourers.map(\.id))
        }
        return labourer
    }
}

extension SimulatedDeployment where L == RecordingLambda {
    /// A deployment whose Lambda is a ``RecordingLambda``: invocations are recorded, nothing runs.
    /// - Parameter functionTimeoutSeconds: the `Timeout` every function reports (sosw's default `max_duration`).
    public init(
        executor: SimExecutor, configuration: JSONValue, seed: UInt64 = 7, functionTimeoutSeconds: Int = 45
    ) async throws {
        try await self.init(executor: executor, configuration: configuration, seed: seed) { _ in
            RecordingLambda(timeoutSeconds: functionTimeoutSeconds)
        }
    }
}
