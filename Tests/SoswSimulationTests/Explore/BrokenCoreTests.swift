import SoswCore
import Testing

@testable import SoswSimulation

/// A core with one guard dropped (mark-invoked without `greenfield < start`) must be caught by exploration
/// and shrunk to a small scenario that still shows it.
@Suite("Explore: a broken core is caught and shrunk")
struct BrokenCoreTests {
    /// The drawn scenario with the invoke guard off (`task_config.test_unguarded_invocation`).
    @Sendable static func unguarded(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        guard case .object(var config) = scenario.config, case .object(var taskConfig)? = config["task_config"] else {
            return scenario
        }
        taskConfig["test_unguarded_invocation"] = .bool(true)
        config["task_config"] = .object(taskConfig)
        scenario.config = .object(config)
        return scenario
    }

    @Test("exploration finds the broken guard within a few seeds, and the shrunk scenario still breaks it")
    func brokenGuardIsFoundAndShrunk() throws {
        var found: SeedExploration?
        for seed in UInt64(1)...60 {
            let exploration = try SeedExploration.explore(seed: seed, adjust: Self.unguarded)
            if exploration.violation?.invariant == "invoked_only_when_queued" {
                found = exploration
                break
            }
        }
        let failing = try #require(found, "no seed of 1...60 caught the unguarded invocation")
        let violation = try #require(failing.violation)
        #expect(try SeedExploration.explore(seed: failing.seed).violation?.invariant != violation.invariant,
                "the intact core breaks \(violation.invariant) in seed \(failing.seed) too")

        let minimal = try #require(ScenarioShrinker(invariant: violation.invariant, budget: 150).shrink(failing.scenario))
        #expect(minimal.scenario.faults.count <= failing.scenario.faults.count)
        #expect(minimal.scenario.load.count <= failing.scenario.load.count)
        #expect(Self.tasks(minimal.scenario) <= Self.tasks(failing.scenario))
        #expect(Self.tasks(minimal.scenario) < Self.tasks(failing.scenario) || minimal.scenario.faults.count < failing.scenario.faults.count
                    || minimal.scenario.stop.limit < failing.scenario.stop.limit)
        let replayed = try ScenarioRun(ScenarioLoader().scenario(yaml: minimal.yaml, file: "minimal.yaml")).run()
        #expect(replayed.invariantViolation?.invariant == violation.invariant)
    }

    static func tasks(_ scenario: Scenario) -> Int {
        scenario.load.reduce(0) { total, entry in
            if case .tasks(let batch) = entry.work { return total + batch.count }
            return total + 1
        }
    }
}
