import SoswCore
import SoswSimulation
import SoswTesting
import Testing

/// This file does not import Logging: the essentials must be buildable without it.
@Suite struct DefaultLoggerTests {
    @Test func theEssentialsAreBuiltWithoutALoggerAndLogNowhere() throws {
        let clock = SimClock(executor: SimExecutor())
        let random = SeededRandom(seed: 1)
        let environment = SoswEnvironment(clock: clock, wallClock: clock, random: random, ids: SeededIDSource(random: random))
        #expect(environment.logger.label == "sosw")
        let dynamoDB = InMemoryDynamoDB(clock: clock, random: random)
        let configuration = try SoswConfiguration(custom: [
            "task_config": ["labourers": ["worker": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:worker"]]],
        ])
        let essentials = SoswEssentials(
            configuration: configuration,
            ports: SoswPorts(dynamoDB: dynamoDB, lambda: RecordingLambda(), cloudWatch: ScriptedCloudWatch(), sns: { RecordingSNS(region: $0) }),
            environment: environment)
        #expect(essentials.taskManager.registerLabourers().map(\.id) == ["worker"])
        let ecology = Ecology(cloudWatch: ScriptedCloudWatch(), wallClock: clock)
        let orchestrator = Orchestrator(config: configuration.orchestrator, taskManager: essentials.taskManager, ecology: ecology)
        #expect(orchestrator.config == configuration.orchestrator)
    }
}
