import Logging
import SoswCore

/// Everything one scenario run consists of, built on one ``SimExecutor``: the fakes configured from the
/// scenario (DynamoDB with sosw's tables, latency and faults; Lambda with the labourers' functions and the
/// essentials' own; CloudWatch with the metric models; SNS), and the sosw essentials wired to them through
/// ``SoswCore/AWSCallCounter``-counted ports by ``SoswCore/SoswEssentials``, as production wires them to the
/// live clients.
final class ScenarioWorld: Sendable {
    static let workerAssistantFunction = "sosw_worker_assistant"
    static let schedulerFunction = SoswEssentials<SimClock>.schedulerFunction

    let scenario: Scenario
    let clock: SimClock
    let random: SeededRandom
    let log: EventLog
    /// Numbers the essentials' runs and logs their starts and ends.
    let essentialLog: EssentialLog
    /// The Orchestrator's and the Scavenger's runs, as Lambda would bill them.
    let essentialRuns = EssentialRunBilling()
    let calls = AWSCallCounter()
    let dynamoDB: InMemoryDynamoDB<SimClock>
    let lambda: SimulatedLambda
    let cloudWatch: SimulatedCloudWatch
    let sns: SimulatedSNS
    /// The essentials, wired to the counted fakes, the virtual clock and the run's seeded streams.
    let essentials: SoswEssentials<SimClock>

    /// Builds the world for `configuration` (the scenario's `config`, resolved); the tables are created by
    /// ``createTables()``, functions by ``registerFunctions()``.
    init(scenario: Scenario, configuration: SoswConfiguration, seed: UInt64, clock: SimClock, log: EventLog) {
        self.scenario = scenario
        self.clock = clock
        self.log = log
        let random = SeededRandom(seed: seed)
        self.random = random
        essentialLog = EssentialLog(log: log, clock: clock)
        dynamoDB = InMemoryDynamoDB(clock: clock, random: random.stream("dynamodb"))
        dynamoDB.setLatency(scenario.latency.dynamodb)
        let (region, account) = Self.regionAndAccount(of: configuration.taskManager.labourers.map(\.arn))
        lambda = SimulatedLambda(
            clock: clock, random: random.stream("lambda"), log: log,
            configuration: SimulatedLambdaConfiguration(
                accountConcurrency: scenario.lambda.accountConcurrency, region: region, accountID: account,
                invokeLatency: scenario.latency.lambdaInvoke))
        cloudWatch = SimulatedCloudWatch(
            clock: clock, random: random.stream("cloudwatch"), log: log, callLatency: scenario.latency.cloudwatch)
        sns = SimulatedSNS(clock: clock, random: random.stream("sns"), log: log)
        let ports = PortFaults(scenario.faults).ports(
            dynamoDB: dynamoDB, lambda: lambda, cloudWatch: cloudWatch, sns: sns, clock: clock, log: log, random: random)
        let countedSNS = CountedSNS(ports.sns, counter: calls)
        essentials = SoswEssentials(
            configuration: configuration,
            ports: SoswPorts(
                dynamoDB: CountedDynamoDB(ports.dynamoDB, counter: calls), lambda: CountedLambda(ports.lambda, counter: calls),
                cloudWatch: CountedCloudWatch(ports.cloudWatch, counter: calls), sns: { _ in countedSNS }),
            environment: SoswEnvironment(
                clock: clock, wallClock: clock, random: { random.stream($0) },
                ids: SeededIDSource(random: random.stream("task-ids")),
                logger: Logger(label: "sosw.simulation") { _ in SwiftLogNoOpLogHandler() },
                observer: TaskEventLogger(log: log, clock: clock)))
        for metric in scenario.metrics {
            cloudWatch.addModel(
                metric.model,
                for: MetricIdentity(
                    namespace: metric.namespace, metricName: metric.name,
                    dimensions: metric.dimensions.map { Dimension(name: $0.name, value: $0.value) }),
                origin: scenario.start, load: lambda)
        }
    }

    var taskManager: TaskManager { essentials.taskManager }

    /// sosw's tables, as `sosw tables create` makes them (the audit trail's too, when the config has one).
    func createTables() async throws {
        for table in SoswTableSchemas.createTableInputs(config: taskManager.config, meta: essentials.configuration.metaHandler) {
            _ = try await dynamoDB.createTable(billed(table))
        }
    }

    /// The scenario's functions, whose workers report to the WorkerAssistant; the WorkerAssistant's and the
    /// Scheduler's own functions.
    func registerFunctions() throws {
        let worker = Worker(
            lambda: essentials.ports.lambda, workerAssistantFunction: Self.workerAssistantFunction, meta: essentials.meta)
        for function in scenario.lambda.functions {
            try lambda.register(SimulatedFunction(
                name: function.name, timeout: function.timeout, memoryMB: function.memoryMB,
                reservedConcurrency: function.reservedConcurrency, maximumRetryAttempts: function.maxRetryAttempts,
                maximumEventAge: function.maxEventAge,
                worker: WorkerModel(duration: .distribution(function.duration), outcomes: function.outcomes, outcomeScope: function.outcomeScope),
                behaviour: ReportingWorker(worker: worker)))
        }
        try lambda.register(SimulatedFunction(
            name: Self.workerAssistantFunction, timeout: .seconds(60),
            memoryMB: scenario.pricing.memoryMB(of: .workerAssistant),
            worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(2)))),
            behaviour: WorkerAssistantFunction(assistant: essentials.workerAssistant(), essentialLog: essentialLog)))
        try lambda.register(SimulatedFunction(
            name: Self.schedulerFunction, timeout: FunctionModel.maximumTimeout,
            memoryMB: scenario.pricing.memoryMB(of: .scheduler),
            worker: WorkerModel(duration: .distribution(.fixed(.milliseconds(2)))),
            behaviour: SchedulerFunction(
                scheduler: try essentials.scheduler(functionName: Self.schedulerFunction), essentialLog: essentialLog)))
    }

    /// The rows of the audit trail's table, read at the end of a run without a counted call; nil when the
    /// config writes none.
    var metaTrail: [DynamoItem]? {
        guard let meta = essentials.configuration.metaHandler, meta.writesToDynamoDB else { return nil }
        return dynamoDB.items(inTable: meta.tableName)
    }

    /// Scheduler events accepted by Lambda and not yet finished: a job still being chunked.
    var schedulerEventsInFlight: Int {
        guard let statistics = lambda.statistics(of: Self.schedulerFunction) else { return 0 }
        return statistics.asyncInvocations + statistics.duplicateDeliveries - statistics.finished(.complete)
            - statistics.eventsDroppedByAge - statistics.eventsDroppedAfterRetries
    }

    /// The AWS calls so far, by operation under the names of `summary.json` (`dynamodb.Query`, `lambda.Invoke`).
    var awsCalls: [OperationFigures] {
        calls.snapshot().map { OperationFigures(counted: $0.operation, $0.figures) }.sorted { $0.operation < $1.operation }
    }

    /// `DynamoDB.Query` → `dynamodb.Query`.
    static func contractName(_ operation: String) -> String {
        guard let dot = operation.firstIndex(of: ".") else { return operation }
        return operation[..<dot].lowercased() + operation[dot...]
    }

    /// The region and account of the first labourer whose `arn` is a full function ARN (the simulated Lambda
    /// answers only for them); Lambda's defaults when none is.
    static func regionAndAccount(of references: [String]) -> (String, String) {
        for reference in references {
            if let function = try? ARN.LambdaFunctionReference(parsing: reference), let region = function.region,
                let account = function.account
            {
                return (region, account)
            }
        }
        return ("us-east-1", "000000000000")
    }
}
