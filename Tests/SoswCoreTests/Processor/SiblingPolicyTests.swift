import SoswCore
import Testing

@Suite struct SiblingPolicyTests {
    @Test func withoutPermissionNothingIsSpawnedUnlessForced() {
        let policy = SiblingPolicy()
        #expect(policy.decide(generation: 0, force: false) == .notPermitted)
        #expect(policy.decide(generation: 0, force: true) == .spawn(generation: 1))
        #expect(SiblingPolicy(autoSpawning: true).decide(generation: 3, force: false) == .spawn(generation: 4))
    }

    @Test func theGenerationLimitHoldsEvenWhenForced() {
        let policy = SiblingPolicy(autoSpawning: true, maxGenerations: 2)
        #expect(policy.decide(generation: 1, force: false) == .spawn(generation: 2))
        #expect(policy.decide(generation: 2, force: false) == .generationLimit(2))
        #expect(policy.decide(generation: 2, force: true) == .generationLimit(2))
        #expect(SiblingPolicy(autoSpawning: true, maxGenerations: 0).decide(generation: 0, force: true) == .generationLimit(0))
    }

    @Test func settingsComeFromSiblingsConfigElseTheTopLevel() throws {
        let nested = try SiblingPolicy(config: ConfigNode([
            "auto_spawning": false,
            "siblings_config": ["auto_spawning": true, "max_generations": 4, "shutdown_period": 30],
        ]))
        #expect(nested == SiblingPolicy(autoSpawning: true, maxGenerations: 4, shutdownPeriod: .seconds(30)))
        let topLevel = try SiblingPolicy(config: ConfigNode(["auto_spawning": true]))
        #expect(topLevel == SiblingPolicy(autoSpawning: true, maxGenerations: 10, shutdownPeriod: .seconds(60)))
        #expect(throws: ConfigError(path: "siblings_config.max_generations", value: -1, expectation: "an integer >= 0")) {
            try SiblingPolicy(config: ConfigNode(["siblings_config": ["max_generations": -1]]))
        }
    }

    @Test func aSiblingEventIsTheRemainingWorkWithTheTaskAndTheGeneration() throws {
        let event = SiblingPolicy.siblingEvent(remaining: ["rows": [4, 5]], taskID: "t1", generation: 2)
        #expect(event == ["rows": [4, 5], "task_id": "t1", "sibling_generation": 2])
        #expect(try SiblingPolicy.generation(of: event) == 2)
        #expect(try SiblingPolicy.generation(of: ["task_id": "t1"]) == 0)
        #expect(throws: ProcessorError.invalidSiblingGeneration("two")) {
            try SiblingPolicy.generation(of: ["sibling_generation": "two"])
        }
    }
}
