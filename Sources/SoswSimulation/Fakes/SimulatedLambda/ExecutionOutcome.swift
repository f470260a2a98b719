/// How an execution of a worker ended, as the `outcome` of `worker.finished` events and in the statistics.
public enum ExecutionOutcome: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The function returned (its behaviour ran to the end).
    case complete
    /// The function raised: a function error.
    case fail
    /// Lambda stopped the execution at the function's Timeout (a hang, or a duration longer than the Timeout).
    case timeout

    public static func < (lhs: ExecutionOutcome, rhs: ExecutionOutcome) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
