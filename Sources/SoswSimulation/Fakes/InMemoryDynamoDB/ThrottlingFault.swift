import SoswCore

/// Injected throttling of a table or index: within `window` (times on the fake's clock, since the start of
/// the run when the clock is virtual), each request is refused with probability `probability`, as a service
/// under pressure refuses some requests and not others.
public struct ThrottlingFault<Instant: InstantProtocol>: Sendable where Instant: Sendable {
    /// Which error the refused requests get: provisioned tables report
    /// ProvisionedThroughputExceededException, on-demand tables ThrottlingException.
    public enum Kind: Sendable {
        case provisionedThroughputExceeded
        case throttling
    }

    public var probability: Double
    public var window: Range<Instant>?
    public var kind: Kind

    public init(probability: Double, window: Range<Instant>? = nil, kind: Kind = .provisionedThroughputExceeded) {
        self.probability = probability
        self.window = window
        self.kind = kind
    }

    func applies(at now: Instant) -> Bool {
        window.map { $0.contains(now) } ?? true
    }

    var error: DynamoDBError {
        switch kind {
        case .provisionedThroughputExceeded:
            .capacityExceeded
        case .throttling:
            DynamoDBError(
                code: .throttling,
                message: "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically "
                    + "scaling your table or index so please try again shortly. If exceptions persist, check if you "
                    + "have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html")
        }
    }
}
