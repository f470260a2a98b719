import SoswCore

/// The "sometimes" side of the invariants: what a run did at least once, counted so that exploration can
/// say, across many seeds, which faults never fired and which paths of sosw were never taken (a fault point
/// or a retry path no seed reaches tests nothing).
///
/// Counted per run from the events: each `fault` by its `kind`, and the paths `retry` (a task moved to the
/// retry table), `redrive` (a retried task put back in the queue), `dead` (a task out of attempts), `throttle`
/// (Lambda refusing an execution for want of concurrency), `lambda_retry` (Lambda running a failed event
/// again) and `event_dropped` (Lambda giving up on an event).
public struct SometimesTally: Sendable, Hashable {
    /// The paths every exploration should see taken.
    public static let paths = ["retry", "redrive", "dead", "throttle", "lambda_retry", "event_dropped"]

    /// Every kind of `fault` event the simulator writes, so that exploration can name the ones that never fired.
    public static let faultKinds = [
        "dynamodb_throttle_began", "dynamodb_index_lag", "dynamodb_latency_spike", "dynamodb_internal_error",
        "dynamodb_conditional_race", "lambda_duplicate_delivery", "lambda_too_many_requests", "lambda_late_delivery",
        "lambda_timeout", "lambda_lost_event", "cloudwatch_missing_datapoints", "cloudwatch_delayed_datapoints",
        "sns_publish_failure", "essential_overlap", "essential_crash",
    ]

    /// Times each fault kind fired, by kind (`dynamodb_internal_error`, `essential_crash`, …).
    public private(set) var faults: [String: Int] = [:]
    /// Times each path was taken, by the names of ``paths``.
    public private(set) var paths: [String: Int] = [:]

    public init() {}

    mutating func record(_ event: RunEvent?, _ fields: EventFields) {
        switch event {
        case .fault: if let kind = fields["kind"]?.stringValue { faults[kind, default: 0] += 1 }
        case .taskRetryScheduled: paths["retry", default: 0] += 1
        case .taskRequeued: paths["redrive", default: 0] += 1
        case .taskDead: paths["dead", default: 0] += 1
        case .lambdaThrottled: paths["throttle", default: 0] += 1
        case .lambdaRetryScheduled: paths["lambda_retry", default: 0] += 1
        case .lambdaEventDropped: paths["event_dropped", default: 0] += 1
        default: return
        }
    }

    /// Adds another run's counts (exploration sums them over seeds).
    public mutating func add(_ other: SometimesTally) {
        faults.merge(other.faults, uniquingKeysWith: +)
        paths.merge(other.paths, uniquingKeysWith: +)
    }
}
