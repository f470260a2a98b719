import SoswCore

/// One seed of `sosw explore`: the scenario drawn from it, its YAML text, and what its run did.
public struct SeedExploration: Sendable {
    public var seed: UInt64
    public var scenario: Scenario
    /// The text `scenario.yaml` holds: loads to ``scenario``, and `sosw simulate` replays it.
    public var yaml: String
    public var eventsSHA256: String
    /// The invariant the run broke; nil when it kept them all.
    public var violation: InvariantViolation?
    public var sometimes: SometimesTally

    /// Draws the scenario of `seed` and runs it. `adjust` changes the drawn scenario before it runs (tests use
    /// it to run a broken core); what runs is what ``yaml`` says.
    public static func explore(seed: UInt64, adjust: (@Sendable (Scenario) -> Scenario)? = nil) throws -> SeedExploration {
        var (scenario, yaml) = try ScenarioGenerator.draw(seed: seed)
        if let adjust {
            scenario = adjust(scenario)
            yaml = try ScenarioWriter.yaml(scenario)
        }
        let result = try ScenarioRun(scenario).run()
        return SeedExploration(
            seed: seed, scenario: scenario, yaml: yaml, eventsSHA256: result.eventsSHA256,
            violation: result.invariantViolation, sometimes: result.sometimes)
    }

    /// The faults the seed turned on, one line each with its parameters, as the scenario file writes them.
    public var faultLines: [String] {
        scenario.faults.compactMap { try? ScenarioWriter.yaml(of: $0) }
    }
}
