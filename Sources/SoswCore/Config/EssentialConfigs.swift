/// The Orchestrator's own settings (§7).
public struct OrchestratorConfig: Hashable, Sendable {
    public var coefficients: InvocationCoefficients

    /// Parses the Orchestrator's merged document (defaults: ``SoswDefaults/orchestrator``).
    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.orchestrator.deepMerged(with: document))
        coefficients = try InvocationCoefficients(config: config["invocation_number_coefficient"])
    }
}

/// The Scavenger's own settings (§8).
public struct ScavengerConfig: Hashable, Sendable {
    /// The SNS topic for dead-task notices (`sns_config.recipient`; sosw's default is a placeholder).
    public var snsRecipient: String
    public var snsSubject: String
    /// `sns_config.region`, else the region of the recipient ARN. sosw hard-coded us-west-2 (§15 bug 13).
    public var snsRegion: String
    /// How many due retries go back to the queue per labourer and run.
    public var retryTasksLimit: Int

    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.scavenger.deepMerged(with: document))
        let sns = config["sns_config"]
        snsRecipient = try sns["recipient"].string()
        snsSubject = try sns["subject"].string()
        let arnParts = snsRecipient.split(separator: ":", omittingEmptySubsequences: false)
        if let region = try sns["region"].optionalString() {
            snsRegion = region
        } else if arnParts.count >= 6, arnParts[0] == "arn", !arnParts[3].isEmpty {
            snsRegion = String(arnParts[3])
        } else {
            throw sns["region"].error("a region, or an ARN in `sns_config.recipient` that names one")
        }
        retryTasksLimit = try config["retry_tasks_limit"].int(atLeast: 1)
    }
}

/// The Scheduler's own settings (§9.1).
public struct SchedulerConfig: Sendable {
    public var queueBucket: String
    public var s3Prefix: String
    public var queueFile: String
    /// Stop writing tasks when less than this is left of the invocation, and hand the rest to a sibling.
    public var shutdownPeriod: Duration
    public var rowsToProcess: Int
    public var taskOperationalOverheadForDDB: Double
    public var customPeriodPatterns: [String]
    /// `siblings_config.auto_spawning`.
    public var autoSpawning: Bool
    /// The merged document, from which ``jobSchema(named:)`` picks a variant per job.
    public let document: JSONValue

    /// Parses the Scheduler's merged document; every job schema variant is checked now, so a bad one fails
    /// at start rather than on the first job that names it.
    public init(document: JSONValue) throws {
        let merged = SoswDefaults.scheduler.deepMerged(with: document)
        let config = ConfigNode(merged)
        queueBucket = try config["queue_bucket"].string()
        s3Prefix = try config["s3_prefix"].string()
        queueFile = try config["queue_file"].string()
        shutdownPeriod = try config["shutdown_period"].seconds()
        rowsToProcess = try config["rows_to_process"].int(atLeast: 1)
        taskOperationalOverheadForDDB = try config["task_operational_overhead_for_ddb"].double()
        customPeriodPatterns = try config["custom_period_patterns"].elements().map { try $0.string() }
        autoSpawning = try config["siblings_config"]["auto_spawning"].bool(default: false)
        self.document = merged
        for (name, _) in try config["job_schema_variants"].members() {
            _ = try JobSchema.select(name: name, schedulerConfig: config)
        }
        _ = try JobSchema.select(name: nil, schedulerConfig: config)
    }

    /// The schema for a job's `job_schema_name` (or the default).
    public func jobSchema(named name: String?) throws -> JobSchema {
        try JobSchema.select(name: name, schedulerConfig: ConfigNode(document))
    }
}
