/// An async event waiting in Lambda's internal queue for its next delivery attempt: new, throttled and put
/// back, or waiting for a retry after an error. Ordered by due time, then by the order it was queued, so equal
/// due times are delivered in a reproducible order.
struct PendingDelivery: Comparable, Sendable {
    var due: Int64
    var sequence: UInt64
    var event: SimulatedLambda.QueuedEvent
    /// 1 for the first execution, 2 and 3 for the retries after errors.
    var attempt: Int
    /// Throttles since the last execution: the exponent of the next backoff.
    var throttles: Int

    static func < (lhs: PendingDelivery, rhs: PendingDelivery) -> Bool {
        (lhs.due, lhs.sequence) < (rhs.due, rhs.sequence)
    }

    static func == (lhs: PendingDelivery, rhs: PendingDelivery) -> Bool {
        lhs.due == rhs.due && lhs.sequence == rhs.sequence
    }
}
