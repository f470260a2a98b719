/// A fault injected into a run (`faults:`), to replay on purpose what production does now and then.
public enum Fault: Sendable, Hashable {
    /// `{dynamodb: {throttle: {...}}}`.
    case dynamoDBThrottle(DynamoDBThrottle)
    /// `{dynamodb: {index_lag: {...}}}`: a global secondary index that trails its table.
    case dynamoDBIndexLag(IndexLag)
    /// `{lambda: {duplicate_delivery: p}}`: each async event is delivered twice with probability `p`, as
    /// Lambda's at-least-once delivery allows.
    case lambdaDuplicateDelivery(probability: Double)
    /// `{essentials: {<name>: {overlap, crash}}}`.
    case essential(EssentialFault)
    /// `{dynamodb: {latency_spike: {probability, delay}}}`: a call now and then takes up to `delay` longer.
    case dynamoDBLatencySpike(ChanceOfDelay)
    /// `{dynamodb: {internal_error: p}}`: a call refused with a 500 InternalServerError, as the service
    /// answers now and then; the request had no effect.
    case dynamoDBInternalError(probability: Double)
    /// `{dynamodb: {conditional_race: {probability, delay}}}`: a conditional write (an update, put or delete
    /// with a condition, a transaction) is held back by up to `delay` after it was sent, so that a competing
    /// write of an overlapping essential or a worker's completion lands before it.
    case dynamoDBConditionalRace(ChanceOfDelay)
    /// `{lambda: {too_many_requests: p}}`: an Invoke refused with 429 TooManyRequestsException.
    case lambdaTooManyRequests(probability: Double)
    /// `{lambda: {late_delivery: {probability, delay}}}`: an accepted async event waits up to `delay` longer
    /// in Lambda's queue before its first delivery.
    case lambdaLateDelivery(ChanceOfDelay)
    /// `{lambda: {timeout: p}}`: an execution hangs until its function's Timeout (a stuck cold start, a
    /// dependency that never answers), whatever its worker model says.
    case lambdaTimeout(probability: Double)
    /// `{lambda: {lost_event: p}}`: an accepted async event is held in Lambda's queue past its function's
    /// maximum event age and dropped, never delivered.
    case lambdaLostEvent(probability: Double)
    /// `{cloudwatch: {missing_datapoints: p}}`: each datapoint of a GetMetricStatistics answer is missing
    /// with probability `p`, as when a metric was not published for a period.
    case cloudWatchMissingDatapoints(probability: Double)
    /// `{cloudwatch: {delayed_datapoints: {probability, delay}}}`: a GetMetricStatistics answer lacks the
    /// datapoints of the last `delay` (ingestion running late).
    case cloudWatchDelayedDatapoints(ChanceOfDelay)
    /// `{sns: {publish_failure: p}}`: a Publish refused with a 500 InternalError.
    case snsPublishFailure(probability: Double)
}

/// A fault that fires with `probability` and then delays something by a uniform draw of up to `delay`.
public struct ChanceOfDelay: Sendable, Hashable {
    public var probability: Double
    public var delay: Duration

    public init(probability: Double, delay: Duration) {
        self.probability = probability
        self.delay = delay
    }
}

/// Requests to `table` (or only to its `index`) refused with `probability` from `from` for `duration`.
public struct DynamoDBThrottle: Sendable, Hashable {
    /// Which error refused requests get, as DynamoDB reports it for the table's capacity mode.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case provisionedThroughputExceeded = "provisioned_throughput_exceeded"
        case throttling
    }

    public var table: String
    public var index: String?
    public var from: Duration
    public var duration: Duration
    public var probability: Double
    public var kind: Kind

    public init(table: String, index: String? = nil, from: Duration, duration: Duration, probability: Double,
                kind: Kind = .provisionedThroughputExceeded) {
        self.table = table
        self.index = index
        self.from = from
        self.duration = duration
        self.probability = probability
        self.kind = kind
    }
}

/// How far `index` of `table` trails the table's writes.
public struct IndexLag: Sendable, Hashable {
    public var table: String
    public var index: String
    public var lag: Distribution

    public init(table: String, index: String, lag: Distribution) {
        self.table = table
        self.index = index
        self.lag = lag
    }
}

/// Faults of one essential's runs.
public struct EssentialFault: Sendable, Hashable {
    public var essential: Essential
    /// Probability that a run is started twice at once (an EventBridge double trigger, a slow run still going).
    public var overlap: Double
    /// Probability that a run crashes part-way, leaving its work half done: it dies before a drawn one of
    /// the AWS calls it would make and sends nothing more; the next run must recover.
    public var crash: Double

    public init(essential: Essential, overlap: Double = 0, crash: Double = 0) {
        self.essential = essential
        self.overlap = overlap
        self.crash = crash
    }
}
