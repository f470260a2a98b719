/// A check on a finished run (`expect:`), evaluated at the end; `sosw check` prints each with the measured value.
///
/// Labourer-scoped checks name a labourer id of `config.task_config.labourers` (or a function of
/// `lambda.functions`, for the worker-side ones).
public enum Expectation: Sendable, Hashable {
    /// `{all_closed_by: 10h}`: every task created was closed (completed or dead) within this time of the start.
    case allClosedBy(Duration)
    /// `{drained: {labourer, by}}`: every task of one labourer was closed within `by` of the start.
    case drained(labourer: String, by: Duration)
    /// `{completed: {labourer, at_least…}}`: tasks closed as completed.
    case completed(labourer: String, Bounds<Int>)
    /// `{dead: {labourer, between: [0, 30]}}`: tasks closed as dead (out of attempts).
    case dead(labourer: String, Bounds<Int>)
    /// `{invocations: {labourer, …}}`: Orchestrator invocations of the labourer's tasks (first ones and retries).
    case invocations(labourer: String, Bounds<Int>)
    /// `{retries: {labourer, …}}`: tasks the Scavenger sent back for another attempt.
    case retries(labourer: String, Bounds<Int>)
    /// `{max_running: {labourer, at_most: 10}}`: the peak of concurrently running executions.
    case maxRunning(labourer: String, Bounds<Int>)
    /// `{latency_p50|latency_p90|latency_p99: {labourer, at_most: 3h}}`: task latency, creation to close.
    case latency(labourer: String, percentile: LatencyPercentile, Bounds<Duration>)
    /// `{no_duplicate_invocations: true}`: no task was invoked twice for the same attempt, the race the
    /// conditional update on `greenfield` prevents between overlapping Orchestrators.
    case noDuplicateInvocations
    /// `{duplicate_executions: {labourer, …}}`: tasks whose work ran more than once (the labourer's function
    /// started more than one execution for them) — the hazard of Lambda's late delivery of throttled events,
    /// of duplicate delivery and of retries after a worker that was only slow.
    case duplicateExecutions(labourer: String, Bounds<Int>)
    /// `{throttles: {function, …}}`: async invocations the simulated Lambda throttled.
    case throttles(function: String, Bounds<Int>)
    /// `{aws_calls: {operation, …}}`: calls to the simulated AWS, of one operation (`dynamodb.Query`,
    /// `lambda.Invoke`, as in `summary.json`) or of all when `operation` is nil.
    case awsCalls(operation: String?, Bounds<Int>)
}

/// The task-latency percentiles `summary.json` reports.
public enum LatencyPercentile: Int, Sendable, Hashable, CaseIterable {
    case p50 = 50
    case p90 = 90
    case p99 = 99

    /// The scenario key: `latency_p50`, `latency_p90`, `latency_p99`.
    public var key: String { "latency_p\(rawValue)" }
}
