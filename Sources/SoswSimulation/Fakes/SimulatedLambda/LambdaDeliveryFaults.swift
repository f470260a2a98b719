/// Faults of Lambda's own handling of async events (scenario `faults: [{lambda: ...}]`), all off by default.
public struct LambdaDeliveryFaults: Sendable, Hashable {
    /// An accepted event waits up to this much longer before its first delivery, with its probability.
    public var lateDelivery: ChanceOfDelay?
    /// Probability that an accepted event is held past its function's maximum event age and dropped.
    public var lostEvent: Double
    /// Probability that an execution hangs until its function's Timeout, whatever its worker model says.
    public var timeout: Double

    public init(lateDelivery: ChanceOfDelay? = nil, lostEvent: Double = 0, timeout: Double = 0) {
        self.lateDelivery = lateDelivery
        self.lostEvent = lostEvent
        self.timeout = timeout
    }
}
