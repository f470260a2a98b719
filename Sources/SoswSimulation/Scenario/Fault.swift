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
    /// Probability that a run stops part-way, at a random point, leaving its work half done.
    public var crash: Double

    public init(essential: Essential, overlap: Double = 0, crash: Double = 0) {
        self.essential = essential
        self.overlap = overlap
        self.crash = crash
    }
}
