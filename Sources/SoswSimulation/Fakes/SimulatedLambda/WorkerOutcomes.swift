import SoswCore

/// What a worker's execution does, before Lambda's Timeout is applied.
public enum WorkerOutcome: String, Sendable, Hashable, CaseIterable {
    /// Runs for its drawn duration, then does its work (the ``WorkerBehaviour``) and returns.
    case complete
    /// Runs for its drawn duration, then raises: a function error that Lambda retries for async events.
    case fail
    /// Never returns by itself: Lambda's Timeout ends it.
    case hang
}

/// The relative weights of the three outcomes (they need not sum to 1; at least one must be positive).
public struct WorkerOutcomes: Sendable, Hashable {
    public var complete: Double
    public var fail: Double
    public var hang: Double

    public init(complete: Double = 1, fail: Double = 0, hang: Double = 0) {
        precondition(
            complete >= 0 && fail >= 0 && hang >= 0 && complete + fail + hang > 0,
            "worker outcome weights must be non-negative with a positive sum, got complete \(complete), "
                + "fail \(fail), hang \(hang)")
        self.complete = complete
        self.fail = fail
        self.hang = hang
    }

    /// Every execution completes.
    public static let alwaysComplete = WorkerOutcomes()

    func draw(from random: some RandomSource) -> WorkerOutcome {
        random.weightedChoice([(.complete, complete), (.fail, fail), (.hang, hang)])
    }
}

/// Which executions share one outcome draw.
public enum OutcomeScope: String, Sendable, Hashable, CaseIterable {
    /// Every execution draws its own outcome: transient failures, which a retry may cure.
    case invocation
    /// The outcome is drawn once per task id found in the payload and kept on every attempt, duplicates and
    /// sosw retries included: poison tasks that fail however often they are retried.
    case task
}
