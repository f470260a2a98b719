/// The four sosw essentials as they are deployed: each its own Lambda function under sosw's name, which is
/// also the name its `<function>_config` document is read under, so a Swift essential can replace a Python one
/// in an existing deployment without renaming anything.
public enum LiveEssential: String, CaseIterable, Sendable {
    case orchestrator
    case scavenger
    case scheduler
    case workerAssistant = "worker_assistant"

    /// sosw's function name: `sosw_orchestrator`, `sosw_scavenger`, `sosw_scheduler`, `sosw_worker_assistant`.
    public var functionName: String { "sosw_\(rawValue)" }

    /// The essential a Lambda function's `_HANDLER` names: the essential (`orchestrator`, `worker_assistant`),
    /// its sosw function name (`sosw_orchestrator`), or either after a file name as Python handlers are
    /// written (`app.orchestrator`), in any case, with `-` for `_`.
    public init(handler: String) throws(LiveEssentialError) {
        let name = String(handler.split(separator: ".").last ?? Substring(handler))
            .lowercased().replacingOccurrences(of: "-", with: "_")
        let bare = name.hasPrefix("sosw_") ? String(name.dropFirst("sosw_".count)) : name
        guard let essential = LiveEssential(rawValue: bare) else { throw .unknownHandler(handler) }
        self = essential
    }
}

/// An essential that cannot be named from what was given.
public enum LiveEssentialError: Error, Equatable, CustomStringConvertible {
    case unknownHandler(String)

    public var description: String {
        switch self {
        case .unknownHandler(let handler):
            "_HANDLER='\(handler)' names no sosw essential; expected one of "
                + LiveEssential.allCases.map(\.rawValue).joined(separator: ", ")
                + " (set the function's Handler to it)"
        }
    }
}
