import SoswSimulation
import SoswTesting
import Testing

/// Kind (a): a scenario file kept in the repository, loaded and run, its figures held to what the team
/// agreed the core must do.
@Suite struct ScenarioFileTests {
    @Test("quickstart drains 200 tasks within 45 minutes, one execution each, every expectation holding")
    func quickstartDrains() throws {
        let scenario = try ScenarioLoader().scenario(path: Repository.scenario("quickstart.yaml"))
        let result = try ScenarioRun(scenario).run()

        result.expectPassed()
        #expect(result.expectations.count == 6)
        #expect(result.drained)
        let drainedAfter = try #require(result.drainedAfterSeconds)
        #expect(drainedAfter > 15 * 60, "ten tasks a minute cannot drain 200 in less than 20 minutes")
        #expect(drainedAfter <= 45 * 60)
        let worker = try #require(result.figures.labourer("hello_worker"))
        #expect(worker.created == 200)
        #expect(worker.completed == 200)
        #expect(worker.dead == 0)
        #expect(worker.retries == 0)
        #expect(worker.peakRunning <= 10)
        #expect(result.figures.function("hello_worker")?.executions == 200)
    }

    @Test("expiry-and-retries keeps every one of its expectations")
    func expiryAndRetriesHoldsItsExpectations() throws {
        let scenario = try ScenarioLoader().scenario(path: Repository.scenario("expiry-and-retries.yaml"))
        let result = try ScenarioRun(scenario).run()
        result.expectPassed()
        #expect(!result.expectations.isEmpty)
        #expect(result.figures.labourers.contains { $0.retries > 0 }, "the scenario exists to exercise retries")
    }
}
