/// The sosw essentials a scenario can schedule or inject faults into, by the names scenario files use.
public enum Essential: String, Sendable, Hashable, CaseIterable, Comparable {
    case orchestrator
    case scavenger
    case scheduler
    /// Invoked by workers as they finish, never on a schedule; it can still have faults.
    case workerAssistant = "worker_assistant"

    /// The essentials that run on a timer (EventBridge rules in production).
    public static let scheduled: [Essential] = [.orchestrator, .scavenger, .scheduler]

    public static func < (lhs: Essential, rhs: Essential) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
