/// Work escaped the simulator while it ran in strict mode; the run's result cannot be trusted to reproduce.
public struct StrictModeViolation: Error, CustomStringConvertible, Sendable {
    /// What escaped, one entry per incident, in the order they happened.
    public var incidents: [String]

    public var description: String {
        let shown = incidents.prefix(10).map { "  - \($0)" }.joined(separator: "\n")
        let more = incidents.count > 10 ? "\n  … and \(incidents.count - 10) more" : ""
        return """
            Strict mode: \(incidents.count) incident(s) broke determinism.
            \(shown)\(more)
            Use structured concurrency (async let, task groups) and the simulation's clock; never Task {}, \
            Task.detached, @MainActor or Task.sleep on a real clock inside simulated code.
            """
    }
}
