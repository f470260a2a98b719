import SoswSimulation
import Testing

/// Swift Testing assertions on a finished scenario run.
extension ScenarioRun.Result {
    /// Expects every expectation of the scenario and every invariant to hold; a failure names each one that
    /// did not, with its measured value, as `sosw check` prints them.
    public func expectPassed(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        var failures = expectations.filter { !$0.passed }.map { "  \($0.name): measured \($0.measured)\($0.message.isEmpty ? "" : ", \($0.message)")" }
        if let invariantViolation { failures.append("  invariant broken: \(invariantViolation)") }
        guard !failures.isEmpty else { return }
        let note = comment.map { " (\($0.rawValue))" } ?? ""
        Issue.record(
            "scenario \(scenario.name) seed \(seed): \(failures.count) check(s) failed\(note):\n\(failures.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }
}
