import SoswSimulation
import SoswTesting
import Testing

/// Kind (d): the same scenario and seed give the same events, byte for byte; another seed gives others.
/// A change to the core that alters events on purpose shows here first.
@Suite struct DeterminismTests {
    @Test("the same seed gives the same events hash, another seed another")
    func sameSeedSameEvents() throws {
        let scenario = try ScenarioLoader().scenario(path: Repository.scenario("expiry-and-retries.yaml"))
        let first = try ScenarioRun(scenario).run()
        let again = try ScenarioRun(scenario).run()
        let otherSeed = try ScenarioRun(scenario).run(seed: scenario.seed + 1)
        #expect(first.eventsSHA256 == again.eventsSHA256)
        #expect(first.events == again.events)
        #expect(first.eventsSHA256.count == 64)
        #expect(otherSeed.eventsSHA256 != first.eventsSHA256)
    }

    @Test("a random interleaving of same-instant jobs replays under its own seed")
    func randomSchedulingReplays() throws {
        let scenario = ScenarioInCodeTests.smallQueue(cap: 10, failing: 0.3)
        let first = try ScenarioRun(scenario).run(scheduling: .random(seed: 5))
        let again = try ScenarioRun(scenario).run(scheduling: .random(seed: 5))
        #expect(first.eventsSHA256 == again.eventsSHA256)
        #expect(first.figures.labourer("resizer")?.completed == again.figures.labourer("resizer")?.completed)
    }
}
