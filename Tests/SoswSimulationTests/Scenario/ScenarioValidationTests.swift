import SoswCore
import Testing

@testable import SoswSimulation

/// ``minimalScenario`` built in code: the same labourer, function and stop.
private func minimalInCode(arn: String = "arn:aws:lambda:us-west-2:000000000000:function:pull") -> Scenario {
    Scenario(
        name: "t", start: UnixTime(iso8601: "2026-01-05T00:00:00Z")!, stop: .after(.seconds(3600)),
        config: ["task_config": ["labourers": ["pull": ["arn": .string(arn)]]]],
        lambda: LambdaSettings(functions: [FunctionModel(name: "pull", duration: .fixed(.seconds(60)))]))
}

/// A mistake made once in a file and once in code.
struct EquivalentMistake: Sendable, CustomTestStringConvertible {
    var testDescription: String
    var yaml: String
    var code: Scenario
}

@Suite("Scenario validation")
struct ScenarioValidationTests {
    static let mistakes: [EquivalentMistake] = {
        var unknownLabourer = minimalInCode()
        unknownLabourer.load = [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "push", count: 5)))]
        var zeroPeriod = minimalInCode()
        zeroPeriod.essentials = [EssentialSchedule(essential: .orchestrator, every: .zero)]
        var shortPeriod = minimalInCode()
        shortPeriod.load = [LoadEntry(trigger: .every(.microseconds(500), from: .zero, until: nil),
                                      work: .tasks(TaskBatch(labourer: "pull", count: 1)))]
        var tooLong = minimalInCode()
        tooLong.stop = .whenDrained(atMost: .seconds(4000 * 86_400))
        var noTasks = minimalInCode()
        noTasks.load = [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "pull", count: 0)))]
        var longTimeout = minimalInCode()
        longTimeout.lambda.functions[0].timeout = .seconds(1200)
        var unknownExpected = minimalInCode()
        unknownExpected.expectations = [.dead(labourer: "pul", Bounds(atMost: 3))]
        return [
            EquivalentMistake(
                testDescription: "a load for an unknown labourer",
                yaml: minimalScenario + "load:\n  - {at: 0s, tasks: {labourer: push, count: 5}}\n", code: unknownLabourer),
            EquivalentMistake(
                testDescription: "a labourer whose function is missing",
                yaml: minimalScenario.replacingOccurrences(of: "function:pull", with: "function:puller"),
                code: minimalInCode(arn: "arn:aws:lambda:us-west-2:000000000000:function:puller")),
            EquivalentMistake(
                testDescription: "a zero period",
                yaml: minimalScenario + "essentials:\n  orchestrator: {every: 0s}\n", code: zeroPeriod),
            EquivalentMistake(
                testDescription: "a period under 1ms",
                yaml: minimalScenario + "load:\n  - {every: 0.5ms, tasks: {labourer: pull, count: 1}}\n", code: shortPeriod),
            EquivalentMistake(
                testDescription: "a duration out of range",
                yaml: minimalScenario.replacingOccurrences(of: "{after: 1h}", with: "{when: drained, at_most: 4000d}"),
                code: tooLong),
            EquivalentMistake(
                testDescription: "a count out of range",
                yaml: minimalScenario + "load:\n  - {at: 0s, tasks: {labourer: pull, count: 0}}\n", code: noTasks),
            EquivalentMistake(
                testDescription: "a timeout above Lambda's",
                yaml: minimalScenario.replacingOccurrences(of: "{fixed: 1m}", with: "{fixed: 1m}\n      timeout: 20m"),
                code: longTimeout),
            EquivalentMistake(
                testDescription: "an expectation for an unknown labourer",
                yaml: minimalScenario + "expect:\n  - {dead: {labourer: pul, at_most: 3}}\n", code: unknownExpected),
        ]
    }()

    @Test("a scenario built in code fails with the key path and words a file gets", arguments: mistakes)
    func sameMessage(_ mistake: EquivalentMistake) throws {
        let fromFile = try #require(throws: ScenarioError.self) { try loader().scenario(yaml: mistake.yaml, file: "s.yaml") }
        let fromCode = try #require(throws: ScenarioError.self) { try mistake.code.validate() }
        #expect(fromCode.keyPath == fromFile.keyPath)
        #expect(fromCode.problem == fromFile.problem)
        #expect(fromFile.file == "s.yaml" && fromFile.line != nil)
        #expect(fromCode.file == "scenario 't' (built in code)" && fromCode.line == nil)
    }

    @Test("the messages name the value and the range")
    func messages() throws {
        var scenario = minimalInCode()
        scenario.load = [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "push", count: 5)))]
        #expect(throws: ScenarioError(
            file: "scenario 't' (built in code)", line: nil, keyPath: "load[0].tasks.labourer",
            problem: "unknown labourer 'push'; expected one of config.task_config.labourers: pull")) {
            try scenario.validate()
        }
        scenario.load = []
        scenario.essentials = [EssentialSchedule(essential: .scavenger, every: .microseconds(500))]
        #expect(throws: ScenarioError(
            file: "built.swift", line: nil, keyPath: "essentials.scavenger.every",
            problem: "'0.5ms' is shorter than 1ms, the shortest period simulated (a shorter one would fire millions of times per simulated second); expected a duration from 1ms to 3650d (10 years)")) {
            try scenario.validate(file: "built.swift")
        }
    }

    @Test("a valid scenario built in code passes and yields the configuration the essentials read")
    func valid() throws {
        let configuration = try minimalInCode().validate()
        #expect(configuration.labourerFunctions.map(\.id) == ["pull"])
    }

    @Test("a run of a scenario built in code with a load for an unknown labourer throws before it starts")
    func runRefuses() throws {
        var scenario = minimalInCode()
        scenario.load = [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "push", count: 5)))]
        let error = try #require(throws: ScenarioError.self) { try ScenarioRun(scenario).run() }
        #expect(error.keyPath == "load[0].tasks.labourer")
    }
}
