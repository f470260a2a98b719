/// The Scheduler's own settings.
public struct SchedulerConfig: Sendable {
    /// sosw 0.7.x's keys for the S3 queue file its Scheduler parked unwritten tasks in. This Scheduler keeps no
    /// queue file (a job too large for one run continues from a cursor in the payload of a sibling run), so a
    /// document that still sets them is refused rather than silently ignored: the operator learns that the bucket
    /// is no longer read and what replaced it.
    public static let retiredQueueFileKeys = ["queue_bucket", "s3_prefix", "queue_file"]

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
        for key in Self.retiredQueueFileKeys {
            guard let value = document.objectValue?[key] else { continue }
            throw ConfigError(
                path: key, value: value,
                expectation: "no `\(key)`: this Scheduler keeps no S3 queue file (a job larger than one run continues "
                    + "from a cursor handed to a sibling run; allow it with `siblings_config.auto_spawning`); "
                    + "remove the key from the Scheduler's config document")
        }
        let merged = SoswDefaults.scheduler.deepMerged(with: document)
        let config = ConfigNode(merged)
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
