/// The TaskManager's settings (`task_config`, the keys sosw 0.7.x reads), typed and with every fallback resolved.
public struct TaskManagerConfig: Hashable, Sendable {
    public var tasksTable: String
    public var greenfieldIndex: String
    /// `dynamo_db_config.field_names`: logical field → stored attribute name.
    public var fieldNames: [String: String]
    public var closedTasksTable: String
    public var closedTasksStatusIndex: String
    public var retryTasksTable: String
    public var retryTasksIndex: String
    public var greenfield: GreenfieldPolicy
    public var maxClosedToAnalyseForDuration: Int
    /// The labourers in id order (a parsed JSON object has no order; sosw used the config's insertion order).
    public var labourers: [Labourer]
    /// `ecology_config.default_metric_values`, filled into every health metric's request.
    public var defaultMetricValues: [String: JSONValue]

    /// Parses a TaskManager document (see ``ConfigLayers/taskManager``). Key paths in errors are prefixed with
    /// `task_config`.
    public init(document: JSONValue) throws {
        try self.init(config: ConfigNode(SoswDefaults.taskManager.deepMerged(with: document), path: "task_config"))
    }

    init(config: ConfigNode) throws {
        let dynamo = config["dynamo_db_config"]
        tasksTable = try dynamo["table_name"].string()
        greenfieldIndex = try dynamo["index_greenfield"].string()
        var fieldNames: [String: String] = [:]
        for (key, node) in try dynamo["field_names"].members() {
            fieldNames[key] = try node.string()
        }
        self.fieldNames = fieldNames
        closedTasksTable = try config["sosw_closed_tasks_table"].string()
        closedTasksStatusIndex = try config["sosw_closed_tasks_labourer_status_index"].string()
        retryTasksTable = try config["sosw_retry_tasks_table"].string()
        retryTasksIndex = try config["sosw_retry_tasks_greenfield_index"].string()
        greenfield = GreenfieldPolicy(
            invocationDelta: .seconds(try config["greenfield_invocation_delta"].int(atLeast: 1)),
            taskStep: Int64(try config["greenfield_task_step"].int(atLeast: 1)))
        greenfield.guardsInvocation = try !config["test_unguarded_invocation"].bool(default: false)
        maxClosedToAnalyseForDuration = try config["max_closed_to_analyse_for_duration"].int(atLeast: 0)
        let metricDefaults = config["ecology_config"]["default_metric_values"]
        guard let defaultMetricValues = metricDefaults.value?.objectValue else { throw metricDefaults.error("an object") }
        self.defaultMetricValues = defaultMetricValues

        let fallbackAttempts = try config["max_attempts"].int(atLeast: 1)
        let fallbackCap = try config["max_simultaneous_invocations"].int(atLeast: 0)
        labourers = try config["labourers"].members().map { id, node in
            try Labourer(
                id: id, config: node,
                maxAttempts: try config["max_attempts_\(id)"].int(default: fallbackAttempts, atLeast: 1),
                maxSimultaneousInvocations: fallbackCap)
        }
    }

    /// The labourer with this id, if configured.
    public func labourer(id: String) -> Labourer? {
        labourers.first { $0.id == id }
    }

    /// The stored attribute name of a logical field (`field_names`, identity by default).
    public func fieldName(_ field: String) -> String {
        fieldNames[field] ?? field
    }
}

extension Labourer {
    /// The keys a labourer entry may hold. sosw crashed on anything outside its `CUSTOM_ATTRIBUTES`, including
    /// `duration` and `cooldown` (fixed here: docs/sosw-compatibility.md); here those work and anything else is
    /// reported with this list.
    public static let configKeys = [
        "arn", "max_simultaneous_invocations", "max_attempts", "health_metrics", "duration", "cooldown",
        "retry_delay", "max_duration",
    ]

    /// Parses `task_config.labourers.<id>`; `maxAttempts` and `maxSimultaneousInvocations` are the fallbacks
    /// (`max_attempts_<id>` or `max_attempts`, and `max_simultaneous_invocations`) used when the entry has none.
    init(id: String, config node: ConfigNode, maxAttempts: Int, maxSimultaneousInvocations: Int) throws {
        for (key, child) in try node.members() where !Labourer.configKeys.contains(key) {
            throw child.error("no such labourer setting `\(key)`; accepted: \(Labourer.configKeys.joined(separator: ", "))")
        }
        let metrics = try node["health_metrics"].members().map { name, metric in
            try HealthMetric(name: name, config: metric)
        }
        self.init(
            id: id,
            arn: try node["arn"].string(),
            maxSimultaneousInvocations: try node["max_simultaneous_invocations"].int(default: maxSimultaneousInvocations, atLeast: 0),
            maxAttempts: try node["max_attempts"].int(default: maxAttempts, atLeast: 1),
            healthMetrics: metrics,
            duration: try node["duration"].seconds(default: Labourer.defaultDuration),
            cooldown: try node["cooldown"].seconds(default: Labourer.defaultCooldown),
            retryDelay: try RetryDelayPolicy(config: node["retry_delay"]),
            maxDuration: try node["max_duration"].isPresent ? node["max_duration"].seconds() : nil)
    }
}

extension RetryDelayPolicy {
    /// `"linear"` (or absent), or `{"policy": "exponential", "base": s, "factor": f, "cap": s}` in seconds.
    public init(config node: ConfigNode) throws {
        guard let value = node.value else {
            self = .linear
            return
        }
        let expectation = #""linear" or {"policy": "exponential", "base": seconds, "factor": >= 1, "cap": seconds}"#
        let policy = value.stringValue ?? value["policy"]?.stringValue
        switch policy {
        case "linear":
            self = .linear
        case "exponential" where value.objectValue != nil:
            let base = try node["base"].seconds()
            let factor = try node["factor"].double(default: 2)
            let cap = try node["cap"].seconds()
            guard factor >= 1 else { throw node["factor"].error("a factor of at least 1") }
            guard cap >= base else { throw node["cap"].error("a cap of at least the base \(base.components.seconds)") }
            self = .exponential(base: base, factor: factor, cap: cap)
        default:
            throw node.error(expectation)
        }
    }
}
