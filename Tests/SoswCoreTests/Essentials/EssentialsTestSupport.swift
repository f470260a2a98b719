import Logging
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// 2026-01-05T02:00:00Z, a Monday.
let simulationStart = UnixTime(seconds: 1_767_578_400)

/// Runs `body` on a strict simulation executor starting at `start`.
func simulate<T: Sendable>(
    start: UnixTime = simulationStart, _ body: @escaping @Sendable (SimExecutor) async throws -> T
) throws -> T {
    let executor = SimExecutor(start: start, strict: true)
    return try executor.run { try await body(executor) }
}

/// A Lambda port that records every call and answers as scripted.
final class RecordingLambda: Lambda {
    struct Invocation: Sendable {
        var functionName: String
        var invocationType: InvocationType?
        var payload: JSONValue
        /// The payload bytes as sent.
        var text: String
    }

    private let state = Mutex<(invocations: [Invocation], configurationReads: [String], failing: Set<String>)>(([], [], []))
    let timeoutSeconds: Int

    init(timeoutSeconds: Int = 45) {
        self.timeoutSeconds = timeoutSeconds
    }

    var invocations: [Invocation] { state.withLock { $0.invocations } }
    var configurationReads: [String] { state.withLock { $0.configurationReads } }

    /// Makes every call for `function` fail as a missing function would.
    func fail(_ function: String) {
        state.withLock { _ = $0.failing.insert(function) }
    }

    func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        let failing = state.withLock { $0.failing.contains(input.functionName) }
        if failing { throw LambdaError.functionNotFound(input.functionName) }
        let text = String(decoding: input.payload ?? [], as: UTF8.self)
        let payload = try JSONValue(parsing: text)
        state.withLock {
            $0.invocations.append(Invocation(functionName: input.functionName, invocationType: input.invocationType, payload: payload, text: text))
        }
        return InvokeOutput(statusCode: 202)
    }

    func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        let failing = state.withLock { state in
            state.configurationReads.append(input.functionName)
            return state.failing.contains(input.functionName)
        }
        if failing { throw LambdaError.functionNotFound(input.functionName) }
        return FunctionConfiguration(functionName: input.functionName, functionArn: input.functionName, timeout: timeoutSeconds)
    }
}

/// A CloudWatch port with scripted datapoints per metric name (none for an unknown name).
final class ScriptedCloudWatch: CloudWatch {
    private let state = Mutex<(values: [String: Double], failing: Set<String>, requests: [GetMetricStatisticsInput])>(([:], [], []))

    func set(_ metricName: String, average: Double?) {
        state.withLock { $0.values[metricName] = average }
    }

    func fail(_ metricName: String) {
        state.withLock { _ = $0.failing.insert(metricName) }
    }

    var requests: [GetMetricStatisticsInput] { state.withLock { $0.requests } }

    func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        let (value, failing) = state.withLock { state in
            state.requests.append(input)
            return (state.values[input.metricName], state.failing.contains(input.metricName))
        }
        if failing { throw CloudWatchError(code: .internalServiceError, message: "scripted failure") }
        guard let value else { return GetMetricStatisticsOutput(label: input.metricName, datapoints: []) }
        return GetMetricStatisticsOutput(
            label: input.metricName, datapoints: [Datapoint(timestamp: input.startTime, average: value)])
    }

    func putMetricData(_ input: PutMetricDataInput) async throws {}
}

/// An SNS port that records what was published, tagged with the region its client was made for.
final class RecordingSNS: SNS {
    let region: String
    private let published = Mutex<[PublishInput]>([])

    init(region: String) {
        self.region = region
    }

    var messages: [PublishInput] { published.withLock { $0 } }

    func publish(_ input: PublishInput) async throws -> PublishOutput {
        published.withLock { $0.append(input) }
        return PublishOutput(messageId: "m\(messages.count)")
    }
}

/// The SNS clients a Notifier made, by region.
final class SNSClients: Sendable {
    let made = Mutex<[RecordingSNS]>([])

    var all: [RecordingSNS] { made.withLock { $0 } }
}

/// Collects log lines so a test can check that something was logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var logger: Logger {
        Logger(label: "test") { _ in CapturingLogHandler(capture: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level): \(event.message)")
    }
}

/// The standard labourers of these tests.
let testLabourers: JSONValue = [
    "worker_a": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker_a", "max_simultaneous_invocations": 10],
    "worker_b": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker_b", "max_simultaneous_invocations": 10],
]

/// One simulated deployment: the in-memory DynamoDB with sosw's tables, recording doubles of the other
/// ports, and the essentials wired to them, every port counted.
struct Harness: Sendable {
    let executor: SimExecutor
    let dynamo: InMemoryDynamoDB<SimClock>
    let calls: AWSCallCounter
    let db: CountedDynamoDB
    let lambda: RecordingLambda
    let cloudWatch: ScriptedCloudWatch
    let random: SeededRandom
    let logs: LogCapture
    let config: TaskManagerConfig
    let taskManager: TaskManager
    let ecology: Ecology

    init(executor: SimExecutor, taskConfig: JSONValue = ["labourers": testLabourers], seed: UInt64 = 7) async throws {
        self.executor = executor
        random = SeededRandom(seed: seed)
        dynamo = InMemoryDynamoDB(clock: executor.clock, random: random.stream("dynamodb"))
        calls = AWSCallCounter()
        db = CountedDynamoDB(dynamo, counter: calls)
        lambda = RecordingLambda()
        cloudWatch = ScriptedCloudWatch()
        logs = LogCapture()
        config = try TaskManagerConfig(document: taskConfig)
        for table in SoswTableSchemas.createTableInputs(config: config) {
            _ = try await dynamo.createTable(table)
        }
        taskManager = TaskManager(
            config: config, dynamoDB: db, lambda: CountedLambda(lambda, counter: calls), clock: executor.clock,
            wallClock: executor.clock, random: random.stream("tasks"),
            ids: SeededIDSource(random: random.stream("ids")), logger: logs.logger)
        ecology = Ecology(
            cloudWatch: CountedCloudWatch(cloudWatch, counter: calls), wallClock: executor.clock, logger: logs.logger,
            defaultMetricValues: config.defaultMetricValues)
    }

    var now: UnixTime { executor.clock.currentTime() }

    func advance(_ duration: Duration) async throws {
        try await executor.clock.sleep(for: duration)
    }

    func orchestrator(coefficients: JSONValue = [:]) throws -> Orchestrator {
        Orchestrator(
            config: try OrchestratorConfig(document: ["invocation_number_coefficient": coefficients]),
            taskManager: taskManager, ecology: ecology, logger: logs.logger)
    }

    func scavenger(
        recipient: String = "arn:aws:sns:eu-west-1:000000000000:sosw_dead", region: String? = nil
    ) throws -> (Scavenger, SNSClients) {
        var sns: JSONValue = ["recipient": .string(recipient), "subject": "dead"]
        if let region { sns = ["recipient": .string(recipient), "subject": "dead", "region": .string(region)] }
        let config = try ScavengerConfig(document: ["sns_config": sns])
        let clients = SNSClients()
        let calls = self.calls
        let notifier = Notifier(config: config, makeClient: { region in
            let client = RecordingSNS(region: region)
            clients.made.withLock { $0.append(client) }
            return CountedSNS(client, counter: calls)
        }, logger: logs.logger)
        return (Scavenger(config: config, taskManager: taskManager, notifier: notifier, random: random.stream("jitter"),
                          logger: logs.logger), clients)
    }

    func workerAssistant() -> WorkerAssistant {
        WorkerAssistant(tasksTable: config.tasksTable, dynamoDB: db, wallClock: executor.clock, logger: logs.logger)
    }

    /// The stored item of a task in `table`, read directly from the fake (not counted).
    func item(_ taskID: String, in table: String) async throws -> DynamoItem? {
        try await dynamo.getItem(GetItemInput(tableName: table, key: ["task_id": .s(taskID)])).item
    }

    func retryItem(_ labourerID: String, _ taskID: String) async throws -> DynamoItem? {
        try await dynamo.getItem(GetItemInput(
            tableName: config.retryTasksTable, key: ["labourer_id": .s(labourerID), "task_id": .s(taskID)])).item
    }

    /// Every item of a table (uncounted scan).
    func items(in table: String) async throws -> [DynamoItem] {
        var items: [DynamoItem] = []
        var page: DynamoItem?
        repeat {
            let output = try await dynamo.scan(ScanInput(tableName: table, exclusiveStartKey: page))
            items += output.items ?? []
            page = output.lastEvaluatedKey
        } while page != nil
        return items
    }

    /// Writes a raw item into `sosw_tasks` (uncounted), as another writer (Python sosw) would.
    func put(_ item: DynamoItem) async throws {
        _ = try await dynamo.putItem(PutItemInput(tableName: config.tasksTable, item: item))
    }

    func registered(_ id: String) throws -> RegisteredLabourer {
        try #require(taskManager.registerLabourers().first { $0.id == id })
    }
}

extension AttributeValue {
    var number: Int64? { numberValue?.int64Value }
}
