/// What a ``SimulatedDeployment`` refuses, with what it knows instead.
public enum SimulatedDeploymentError: Error, Hashable, CustomStringConvertible {
    /// No labourer of the configuration has this id.
    case unknownLabourer(String, known: [String])

    public var description: String {
        switch self {
        case .unknownLabourer(let id, let known):
            "no labourer \"\(id)\" in task_config.labourers; it has: \(known.sorted().joined(separator: ", "))"
        }
    }
}
