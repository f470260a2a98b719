import SoswCore
import SoswSimulation
/// Every file of these tests sees SoswTesting's doubles, `simulate` and `simulationStart` without importing it.
@_exported import SoswTesting

/// The simulated deployment of these tests: SoswTesting's, with a recording Lambda.
typealias Harness = SimulatedDeployment<RecordingLambda>

/// The standard labourers of these tests.
let testLabourers: JSONValue = [
    "worker_a": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker_a", "max_simultaneous_invocations": 10],
    "worker_b": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker_b", "max_simultaneous_invocations": 10],
]

extension SimulatedDeployment<RecordingLambda> {
    /// The topic the Scavengers of these tests announce dead tasks on, unless a test names another.
    static var deadTopic: String { "arn:aws:sns:eu-west-1:000000000000:sosw_dead" }

    /// A deployment of `taskConfig` (sosw's `task_config`), dead tasks announced on ``deadTopic``.
    init(executor: SimExecutor, taskConfig: JSONValue = ["labourers": testLabourers], seed: UInt64 = 7) async throws {
        try await self.init(
            executor: executor,
            configuration: ["task_config": taskConfig, "sns_config": ["recipient": .string(Self.deadTopic), "subject": "dead"]],
            seed: seed)
    }

    /// The DynamoDB fake, read and written without counting.
    var dynamo: InMemoryDynamoDB<SimClock> { dynamoDB }
    /// DynamoDB as the essentials see it: every call counted.
    var db: any DynamoDB { essentials.ports.dynamoDB }
    var config: TaskManagerConfig { configuration.taskManager }

    /// A Scavenger announcing dead tasks on `recipient` (in `region` when given, else the topic's), with the
    /// SNS clients its notifier made; its retry jitter is drawn from the `jitter` stream of the seed.
    func scavenger(recipient: String = deadTopic, region: String? = nil) throws -> (Scavenger, SNSClients) {
        var sns: [String: JSONValue] = ["recipient": .string(recipient), "subject": "dead"]
        if let region { sns["region"] = .string(region) }
        let config = try ScavengerConfig(document: ["sns_config": .object(sns)])
        let clients = SNSClients()
        let calls = self.calls
        let notifier = Notifier(
            config: config, makeClient: { CountedSNS(clients.client(region: $0), counter: calls) }, logger: logs.logger)
        let scavenger = Scavenger(
            config: config, taskManager: taskManager, notifier: notifier, random: random.stream("jitter"), logger: logs.logger)
        return (scavenger, clients)
    }
}

extension AttributeValue {
    var number: Int64? { numberValue?.int64Value }
}
