import SoswCore

/// A run broke one of the invariants every correct sosw keeps (see ``InvariantChecker``): the run stops and
/// the violation is reported as a failed expectation, with what led up to it.
public struct InvariantViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The invariant's name, as the README lists it (e.g. `invoked_only_when_queued`).
    public var invariant: String
    /// Virtual seconds since the scenario's start.
    public var seconds: Double
    /// The task concerned, when the invariant is about one.
    public var taskID: String?
    /// What was seen, against what the invariant expects.
    public var detail: String
    /// The last events of the log up to and including the one that broke the invariant, oldest first, as
    /// `events.jsonl` writes them (without the newline).
    public var recentEvents: [String]

    public init(invariant: String, seconds: Double, taskID: String?, detail: String, recentEvents: [String]) {
        self.invariant = invariant
        self.seconds = seconds
        self.taskID = taskID
        self.detail = detail
        self.recentEvents = recentEvents
    }

    /// One line: time, name, task, detail.
    public var headline: String {
        let task = taskID.map { " task \($0):" } ?? ""
        let time = (seconds * 1000).rounded() / 1000
        return "invariant \(invariant) violated at +\(time)s:\(task) \(detail)"
    }

    public var description: String {
        ([headline, "last \(recentEvents.count) events:"] + recentEvents.map { "  \($0)" }).joined(separator: "\n")
    }
}
