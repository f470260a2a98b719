import Logging
import SoswCore

/// Everything one scenario run consists of, built on one ``SimExecutor``: the fakes configured from the
/// scenario (DynamoDB with sosw's tables, latency and faults; Lambda with the labourers' functions and the
/// essentials' own; CloudWatch with the metric models; SNS), and the sosw essentials wired to them through
/// ``SoswCore/AWSCallCounter``-counted ports, exactly as they are deployed.
final class ScenarioWorld: Sendable {
    static let workerAssistantFunction = "sosw_worker_assistant"
    static let schedulerFunction = "sosw_scheduler"

    let scenario: Scenario
    let clock: SimClock
    let random: SeededRandom
    let log: EventLog
    let essentials: EssentialLog
    let calls = AWSCallCounter()
    let dynamoDB: InMemoryDynamoDB<SimClock>
    let lambda: SimulatedLambda
    let cloudWatch: SimulatedCloudWatch
    let sns: SimulatedSNS
    let countedDynamoDB: CountedDynamoDB
    let countedLambda: CountedLambda
    let countedCloudWatch: CountedCloudWatch
    let countedSNS: CountedSNS
    let taskManager: TaskManager
    let orchestratorConfig: OrchestratorConfig
    let scavengerConfig: ScavengerConfig
    let logger = Logger(label: "sosw.simulation") { _ in SwiftLogNoOpLogHandler() }
    /// Labourer id → the function its `arn` names, sorted by id.
    let labourerFunctions: [(id: String, function: String)]

    /// Builds the world; the tables are created by ``createTables()``, functions by ``registerFunctions()``.
    init(scenario: Scenario, seed: UInt64, clock: SimClock, log: EventLog) throws {
        self.scenario = scenario
        self.clock = clock
        self.log = log
        random = SeededRandom(seed: seed)
        essentials = EssentialLog(log: log, clock: clock)
        let config = scenario.config
        let taskManagerConfig = try ConfigLayers(defaults: [:], custom: config).taskManagerConfig()
        orchestratorConfig = try OrchestratorConfig(document: ConfigLayers(defaults: SoswDefaults.orchestrator, custom: config).merged)
        scavengerConfig = try ScavengerConfig(document: ConfigLayers(defaults: SoswDefaults.scavenger, custom: config).merged)
        labourerFunctions = taskManagerConfig.labourers.map { ($0.id, SchedulerJob.functionName(fromNameOrARN: $0.arn)) }
            .sorted { $0.0 < $1.0 }

        dynamoDB = InMemoryDynamoDB(clock: clock, random: random.stream("dynamodb"))
        dynamoDB.setLatency(scenario.latency.dynamodb)
        let (region, account) = Self.regionAndAccount(of: taskManagerConfig.labourers.map(\.arn))
        lambda = SimulatedLambda(
            clock: clock, random: random.stream("lambda"), log: log,
            configuration: SimulatedLambdaConfiguration(
                accountConcurrency: scenario.lambda.accountConcurrency, region: region, accountID: account,
                invokeLatency: scenario.latency.lambdaInvoke))
        cloudWatch = SimulatedCloudWatch(
            clock: clock, random: random.stream("cloudwatch"), log: log, callLatency: scenario.latency.cloudwatch)
        sns = SimulatedSNS(clock: clock, random: random.stream("sns"), log: log)
        countedDynamoDB = CountedDynamoDB(dynamoDB, counter: calls)
        countedLambda = CountedLambda(lambda, counter: calls)
        countedCloudWatch = CountedCloudWatch(cloudWatch, counter: calls)
        countedSNS = CountedSNS(sns, counter: calls)
        taskManager = TaskManager(
            config: taskManagerConfig, dynamoDB: countedDynamoDB, lambda: countedLambda, clock: clock, wallClock: clock,
            random: random.stream("task-manager"), ids: SeededIDSource(random: random.stream("task-ids")), logger: logger,
            observer: TaskEventLogger(log: log, clock: clock))
        for metric in scenario.metrics {
            cloudWatch.addModel(
                metric.model,
                for: MetricIdentity(
                    namespace: metric.namespace, metricName: metric.name,
                    dimensions: metric.dimensions.map { Dimension(name: $0.name, value: $0.value) }),
                origin: scenario.start, load: lambda)
        }
    }

    /// sosw's tables, as `sosw tables create` makes them.
    func createTables() async throws {
        for table in SoswTableSchemas.createTableInputs(config: taskManager.config) {
            _ = try await dynamoDB.createTable(table)
        }
    }

    /// The scenario's functions, whose workers report to the WorkerAssistant; the WorkerAssistant's and the
    /// Scheduler's own functions.
    func registerFunctions() throws {
        let worker = Worker(lambda: countedLambda, workerAssistantFunction: Self.workerAssistantFunction)
        for function in scenario.lambda.functions {
            try lambda.register(SimulatedFunction(
                name: function.name, timeout: function.timeout, memoryMB: function.memoryMB,
                reservedConcurrency: function.reservedConcurrency, maximumRetryAttempts: function.maxRetryAttempts,
                maximumEventAge: function.maxEventAge,
                worker: WorkerModel(duration: .distribution(function.duration), outcomes: function.outcomes, outcomeScope: function.outcomeScope),
                behaviour: ReportingWorker(worker: worker)))
        }
        let assistant = WorkerAssistant(
            tasksTable: taskManager.config.tasksTable, dynamoDB: countedDynamoDB, wallClock: clock, logger: logger,
            observer: taskManager.observer)
        try lambda.register(SimulatedFunction(
            name: Self.workerAssistantFunction, timeout: .seconds(60),
            worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(2)))),
            behaviour: WorkerAssistantFunction(assistant: assistant, essentials: essentials)))
        let scheduler = try Scheduler(
            config: SchedulerConfig(document: ConfigLayers(defaults: SoswDefaults.scheduler, custom: scenario.config).merged),
            taskManager: taskManager, lambda: countedLambda, functionName: Self.schedulerFunction, clock: clock,
            wallClock: clock, random: random.stream("scheduler"), logger: logger)
        try lambda.register(SimulatedFunction(
            name: Self.schedulerFunction, timeout: FunctionModel.maximumTimeout,
            worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(2)))),
            behaviour: SchedulerFunction(scheduler: scheduler, essentials: essentials)))
    }

    /// A fresh Orchestrator, as a new Lambda container runs it (its own Ecology caches).
    func orchestrator() -> Orchestrator {
        let ecology = Ecology(
            cloudWatch: countedCloudWatch, wallClock: clock, logger: logger,
            defaultMetricValues: taskManager.config.defaultMetricValues)
        return Orchestrator(config: orchestratorConfig, taskManager: taskManager, ecology: ecology, logger: logger)
    }

    /// A fresh Scavenger with its own dead-task notifier.
    func scavenger(run: Int) -> Scavenger {
        let sns = countedSNS
        let notifier = Notifier(config: scavengerConfig, makeClient: { _ in sns }, logger: logger)
        return Scavenger(
            config: scavengerConfig, taskManager: taskManager, notifier: notifier,
            random: random.stream("scavenger/\(run)"), logger: logger)
    }

    /// Scheduler events accepted by Lambda and not yet finished: a job still being chunked.
    var schedulerEventsInFlight: Int {
        guard let statistics = lambda.statistics(of: Self.schedulerFunction) else { return 0 }
        return statistics.asyncInvocations + statistics.duplicateDeliveries - statistics.finished(.complete)
            - statistics.eventsDroppedByAge - statistics.eventsDroppedAfterRetries
    }

    /// The AWS calls so far, by operation under the names of `summary.json` (`dynamodb.Query`, `lambda.Invoke`).
    var awsCalls: [OperationFigures] {
        calls.snapshot().map { entry in
            OperationFigures(
                operation: Self.contractName(entry.operation), calls: entry.figures.calls, errors: entry.figures.errors,
                capacityUnits: entry.figures.capacityUnits)
        }.sorted { $0.operation < $1.operation }
    }

    /// `DynamoDB.Query` → `dynamodb.Query`.
    static func contractName(_ operation: String) -> String {
        guard let dot = operation.firstIndex(of: ".") else { return operation }
        return operation[..<dot].lowercased() + operation[dot...]
    }

    /// The region and account of the labourers' function ARNs (the simulated Lambda answers only for them);
    /// Lambda's defaults when no labourer gives an ARN.
    static func regionAndAccount(of arns: [String]) -> (String, String) {
        for arn in arns {
            let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count >= 7, parts[0] == "arn" { return (String(parts[3]), String(parts[4])) }
        }
        return ("us-east-1", "000000000000")
    }
}
