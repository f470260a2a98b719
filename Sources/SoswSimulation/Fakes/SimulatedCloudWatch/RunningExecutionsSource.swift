import SoswCore

/// Where a reactive metric reads the load it follows: how many executions of a function were running at an
/// instant. ``SimulatedLambda`` is one; a test can supply its own.
public protocol RunningExecutionsSource: Sendable {
    /// Executions of `function` running at `time` (0 for an unknown function or before its first execution).
    func runningExecutions(of function: String, at time: UnixTime) -> Int
}
