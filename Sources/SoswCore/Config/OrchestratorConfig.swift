/// The Orchestrator's own settings.
public struct OrchestratorConfig: Hashable, Sendable {
    public var coefficients: InvocationCoefficients

    /// Parses the Orchestrator's merged document (defaults: ``SoswDefaults/orchestrator``).
    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.orchestrator.deepMerged(with: document))
        coefficients = try InvocationCoefficients(config: config["invocation_number_coefficient"])
    }
}
