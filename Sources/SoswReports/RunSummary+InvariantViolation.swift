import SoswCore
import SoswSimulation

extension RunSummary.Expectation {
    /// A broken invariant as the failed expectation every run implicitly has: `invariant <name>`, measured as
    /// when and on which task, with what was seen.
    public init(_ violation: InvariantViolation) {
        let time = RunSummary.number(violation.seconds) + " s"
        self.init(
            name: "invariant \(violation.invariant)",
            measured: "violated at +\(time)" + (violation.taskID.map { ", task \($0)" } ?? ""),
            passed: false, message: violation.detail)
    }
}

extension RunSummary {
    /// `invariant_violation` in `summary.json`: null, or the invariant, when, the task, what was seen and the
    /// events that led to it (as `events.jsonl` lines), for a script to show or a test to assert on.
    var invariantViolationJSON: JSONValue {
        guard let violation = invariantViolation else { return .null }
        return .object([
            "invariant": .string(violation.invariant), "seconds": .double(violation.seconds),
            "task_id": violation.taskID.map(JSONValue.string) ?? .null, "detail": .string(violation.detail),
            "recent_events": .array(violation.recentEvents.map(JSONValue.string)),
        ])
    }

    /// The Markdown section that opens `summary.md` when the run broke an invariant: the headline and the
    /// events up to it.
    var invariantViolationMarkdown: String {
        guard let violation = invariantViolation else { return "" }
        var text = "## ⚠️ Invariant violated: `\(violation.invariant)`\n\n"
        text += "\(violation.headline). The run stopped there.\n\nThe last \(violation.recentEvents.count) events:\n\n"
        text += "```\n" + violation.recentEvents.joined(separator: "\n") + "\n```\n\n"
        return text
    }
}
