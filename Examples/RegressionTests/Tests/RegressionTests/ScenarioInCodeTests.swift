import SoswCore
import SoswSimulation
import SoswTesting
import Testing

/// Kind (b): a scenario built in code, for the cases a team wants to vary from a test (a cap, a failure
/// rate) without keeping one file per variant.
@Suite struct ScenarioInCodeTests {
    /// 60 tasks for one labourer capped at `cap`, workers of a fixed 20 s, the Orchestrator every minute.
    static func smallQueue(cap: Int, failing: Double = 0) -> Scenario {
        Scenario(
            name: "small-queue-cap-\(cap)", seed: 7, start: simulationStart, stop: .whenDrained(atMost: .seconds(6 * 3600)),
            essentials: [
                EssentialSchedule(essential: .orchestrator, every: .seconds(60)),
                EssentialSchedule(essential: .scavenger, every: .seconds(60), offset: .seconds(30)),
            ],
            config: [
                "task_config": [
                    "max_attempts": 2,
                    "labourers": [
                        "resizer": [
                            "arn": "arn:aws:lambda:us-west-2:000000000000:function:resizer",
                            "max_simultaneous_invocations": .int(Int64(cap)), "duration": 120, "cooldown": 30,
                            "max_duration": 60,
                        ],
                    ],
                ],
            ],
            lambda: LambdaSettings(functions: [
                FunctionModel(
                    name: "resizer", timeout: .seconds(60), duration: .fixed(.seconds(20)),
                    outcomes: WorkerOutcomes(complete: 1 - failing, fail: failing), maxRetryAttempts: 0),
            ]),
            load: [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "resizer", count: 60)))],
            expectations: [
                .completed(labourer: "resizer", Bounds(atLeast: 1)),
                .maxRunning(labourer: "resizer", Bounds(atMost: cap)),
            ])
    }

    @Test("a cap of 10 drains 60 tasks in about six Orchestrator runs, a cap of 5 in about twice as many", arguments: [5, 10])
    func theCapSetsTheDrainTime(cap: Int) throws {
        let result = try ScenarioRun(Self.smallQueue(cap: cap)).run()
        result.expectPassed()
        let resizer = try #require(result.figures.labourer("resizer"))
        #expect(resizer.completed == 60)
        #expect(resizer.peakRunning == cap)
        let minutes = try #require(result.drainedAfterSeconds) / 60
        let runsNeeded = Double(60 / cap)
        #expect(minutes >= runsNeeded - 1 && minutes <= runsNeeded + 2, "drained after \(minutes) minutes")
    }

    @Test("failing workers are retried once (max_attempts 2), then die")
    func failuresAreRetriedThenDie() throws {
        let result = try ScenarioRun(Self.smallQueue(cap: 10, failing: 1)).run()
        let resizer = try #require(result.figures.labourer("resizer"))
        #expect(resizer.completed == 0)
        #expect(resizer.dead == 60)
        #expect(resizer.retries == 60)
        #expect(resizer.invocations == 120)
        #expect(result.expectations.first { $0.name.hasPrefix("completed") }?.passed == false)
    }
}
