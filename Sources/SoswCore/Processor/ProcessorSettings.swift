/// The settings of a Processor read from its merged configuration document: sosw's keys for workers and
/// the siblings' keys.
public struct ProcessorSettings: Hashable, Sendable {
    /// `sosw_worker_assistant_lambda`: where completion and failure are reported.
    public var workerAssistantFunction: String
    /// `dead_sns_topic`: the topic ``ProcessorInvocation/die(_:)`` alerts, a name in the function's own region
    /// and account (sosw's form) or a whole topic ARN.
    public var deadTopic: String
    /// `lifetime_stats_params`: statistics kept across invocations as they are.
    public var lifetimeStats: Set<String>
    public var siblings: SiblingPolicy

    /// sosw's topic when `dead_sns_topic` is not set.
    public static let defaultDeadTopic = "SoswWorkerErrors"

    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.worker.deepMerged(with: document))
        workerAssistantFunction = try config["sosw_worker_assistant_lambda"].string()
        deadTopic = try config["dead_sns_topic"].string(default: ProcessorSettings.defaultDeadTopic)
        lifetimeStats = Set(try config["lifetime_stats_params"].elements().map { try $0.string() })
        siblings = try SiblingPolicy(config: config)
    }

    /// The ARN of ``deadTopic`` for a function invoked as `context` says; nil when neither gives an account.
    public func deadTopicARN(for context: InvocationContext) -> String? {
        if deadTopic.hasPrefix("arn:") { return deadTopic }
        guard let function = context.function, let partition = function.partition, let region = function.region,
            let account = function.account
        else { return nil }
        return ARN(partition: partition, service: "sns", region: region, account: account, resource: deadTopic).description
    }
}
