/// The two constants that give greenfields their meaning, and the values sosw writes with them.
///
/// Both constants are part of the compatibility surface: a Python Orchestrator sharing the tables reads an
/// invoked task as invoked only if the delta matches, so they are configurable but default to sosw's values.
public struct GreenfieldPolicy: Hashable, Sendable {
    /// sosw's `greenfield_invocation_delta`: 365.25 days in seconds.
    public static let soswInvocationDelta: Int64 = 31_557_600
    /// sosw's `greenfield_task_step`.
    public static let soswTaskStep: Int64 = 1000

    /// Added to the invocation time: an invoked task's greenfield sits about a year in the future.
    public var invocationDelta: Duration
    /// The distance between consecutive queued tasks.
    public var taskStep: Int64
    /// Whether marking a task invoked is conditioned on `greenfield < start`, as in sosw: the guard that lets
    /// exactly one of two racing Orchestrators take a task. Only the test suite turns it off
    /// (`task_config.test_unguarded_invocation: true`), to check that exploration catches a core without it.
    public var guardsInvocation = true

    public init(invocationDelta: Duration = .seconds(soswInvocationDelta), taskStep: Int64 = soswTaskStep) {
        self.invocationDelta = invocationDelta
        self.taskStep = taskStep
    }

    /// What sosw's oldest/newest-greenfield queries answer for an empty queue: one step.
    public var emptyQueueGreenfield: Greenfield { Greenfield(taskStep) }

    /// The greenfield of a new task queued behind `newest` (the largest queued greenfield, `nil` for an empty
    /// queue). The first task of an empty queue gets two steps (2000), as in sosw.
    public func queued(behind newest: Greenfield?) -> Greenfield {
        Greenfield((newest ?? emptyQueueGreenfield).rawValue + taskStep)
    }

    /// Greenfields for `count` new tasks queued one after another behind `newest`: one read for a whole batch.
    public func queued(count: Int, behind newest: Greenfield?) -> [Greenfield] {
        let base = (newest ?? emptyQueueGreenfield).rawValue
        return (0..<Int64(max(count, 0))).map { Greenfield(base + taskStep * ($0 + 1)) }
    }

    /// The condition of marking a task invoked, on `:filter_greenfield` (the run's start marker): sosw's
    /// `greenfield < start`, or with ``guardsInvocation`` off one that always holds.
    var invokeCondition: String {
        guardsInvocation ? "greenfield < :filter_greenfield" : "greenfield < :filter_greenfield OR attribute_exists(greenfield)"
    }

    /// The greenfield written when a task is invoked at `now`: `int(now) + delta`.
    public func invoked(at now: UnixTime) -> Greenfield {
        Greenfield(truncating: now) + invocationDelta
    }

    /// Greenfields for `count` retried tasks put back at the head of the queue, in order: the k-th gets
    /// `oldest - k`. An empty queue (`oldest == nil`) counts from one step, so the first retry gets 999.
    public func retried(count: Int, aheadOf oldest: Greenfield?) -> [Greenfield] {
        let base = (oldest ?? emptyQueueGreenfield).rawValue
        return (0..<Int64(max(count, 0))).map { Greenfield(base - ($0 + 1)) }
    }
}
