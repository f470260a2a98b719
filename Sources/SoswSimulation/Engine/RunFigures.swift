import SoswCore

/// What a scenario run measured, all of it computed from the run's event log (so the summary and
/// `events.jsonl` never disagree) plus the AWS calls counted at the ports.
public struct RunFigures: Sendable {
    /// Per labourer id, sorted.
    public var labourers: [LabourerFigures]
    /// Per Lambda function name, sorted (the essentials' own functions included).
    public var functions: [FunctionFigures]
    /// Per operation (`dynamodb.Query`, `lambda.Invoke`, …), sorted.
    public var awsCalls: [OperationFigures]
    /// Per task, in creation order.
    public var tasks: [TaskRecordFigures]
    /// Tasks created and not yet archived when the run stopped.
    public var openTasks: Int
    /// When the last task was archived, from the start; nil when no task was archived.
    public var lastClosedAfter: Duration?
    /// The same attempt of a task invoked more than once (the race the Orchestrator's condition prevents).
    public var duplicateInvocations: Int
    public var events: Int
    /// Per simulated metric (`metrics:`), in declaration order: read from the simulated CloudWatch, not the log.
    public var metrics: [MetricFigures] = []
    /// Per function billed by Lambda (workers and every essential), sorted by name; see ``RunCost``.
    public var billedFunctions: [FunctionBilling] = []

    public func labourer(_ id: String) -> LabourerFigures? {
        labourers.first { $0.id == id }
    }

    public func function(_ name: String) -> FunctionFigures? {
        functions.first { $0.name == name }
    }

    public var totalAWSCalls: Int {
        awsCalls.reduce(0) { $0 + $1.calls }
    }
}

/// One labourer's figures over the run.
public struct LabourerFigures: Sendable, Hashable {
    public var id: String
    public var created = 0
    /// Archived as completed.
    public var completed = 0
    /// Archived as dead.
    public var dead = 0
    /// `task.invoked` events: first invocations and retries.
    public var invocations = 0
    public var expired = 0
    /// Tasks the Scavenger scheduled for another attempt.
    public var retries = 0
    /// Executions of the labourer's function running at once, at the peak.
    public var peakRunning = 0
    /// Time-weighted mean of running executions over the run.
    public var meanRunning = 0.0
    /// Tasks whose work ran more than once: the labourer's function started more than one execution for each
    /// of them, whatever the cause (a sosw retry after expiry, Lambda's own retry, a duplicate delivery).
    public var duplicateExecutions = 0
    /// The executions of those tasks beyond the first (a task run three times adds two).
    public var extraExecutions = 0
    /// Lambda's own retries of failed async events of the labourer's function; sosw's are ``retries``.
    public var lambdaAsyncRetries = 0
    /// Task latency, creation to archive, in seconds, sorted ascending.
    public var latencies: [Double] = []
    /// Seconds spent at each health level (0…4) as the Orchestrator saw it.
    public var secondsAtHealth: [Int: Double] = [:]
    /// One row per minute of the run.
    public var series: [LabourerMinute] = []

    public init(id: String) {
        self.id = id
    }

    /// The nearest-rank percentile of the latencies (0 when no task closed).
    public func latency(percentile: Int) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let rank = Int((Double(percentile) / 100 * Double(latencies.count)).rounded(.up))
        return latencies[min(max(rank, 1), latencies.count) - 1]
    }
}

/// One minute of one labourer: gauges at the end of the minute, counters over it.
public struct LabourerMinute: Sendable, Hashable {
    public var minute: Int
    public var queued: Int
    public var running: Int
    public var invoked: Int
    public var completed: Int
    public var expired: Int
    public var retried: Int
    public var dead: Int
    /// The health level of the Orchestrator's latest reading; nil before the first.
    public var health: Int?
}

/// One Lambda function's figures over the run.
public struct FunctionFigures: Sendable, Hashable {
    public var name: String
    public var executions = 0
    public var peakConcurrency = 0
    public var throttles = 0
    /// Lambda's own retries of the function's failed async events (`lambda.retry_scheduled`).
    public var lambdaAsyncRetries = 0
    public var series: [FunctionMinute] = []

    public init(name: String) {
        self.name = name
    }
}

/// One minute of one function: the peak concurrency within it and the throttles.
public struct FunctionMinute: Sendable, Hashable {
    public var minute: Int
    public var concurrency: Int
    public var throttles: Int
}

/// Calls of one AWS operation and the DynamoDB capacity they consumed.
public struct OperationFigures: Sendable, Hashable {
    public var operation: String
    public var calls: Int
    public var errors: Int
    /// DynamoDB's read and write units apart, as on-demand tables bill them.
    public var readCapacityUnits: Double
    public var writeCapacityUnits: Double

    public var capacityUnits: Double {
        readCapacityUnits + writeCapacityUnits
    }
}

/// The life of one task, in seconds from the start of the run.
public struct TaskRecordFigures: Sendable {
    public var taskID: String
    public var labourerID: String
    public var created: Double
    /// Each invocation: when, and which attempt.
    public var invocations: [(time: Double, attempt: Int)] = []
    public var completed: Double?
    public var archived: Double?
    /// `completed` or `dead`, once archived.
    public var outcome: String?

    /// Creation to archive, in seconds.
    public var latency: Double? {
        archived.map { $0 - created }
    }
}
