import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Scenario overrides (sosw sweep --set)")
struct ScenarioOverrideTests {
    static let scenario = minimalScenario + """
        load:
          - {at: 0s, tasks: {labourer: pull, count: 10}}
          - {at: 5m, tasks: {labourer: pull, count: 20}}

        """

    func load(_ overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        try loader().scenario(yaml: Self.scenario, file: "s.yaml", overrides: overrides)
    }

    @Test("a value in the config, a list element's field and a top-level key are replaced")
    func replaces() throws {
        let scenario = try load([
            ScenarioOverride(path: "config.task_config.labourers.pull.arn", value: "arn:aws:lambda:us-west-2:000000000000:function:pull"),
            ScenarioOverride(path: "load.1.tasks.count", value: "300"),
            ScenarioOverride(path: "name", value: "renamed"),
        ])
        #expect(scenario.name == "renamed")
        let counts = scenario.load.map { entry -> Int? in
            if case .tasks(let batch) = entry.work { batch.count } else { nil }
        }
        #expect(counts == [10, 300])
    }

    @Test("an override gives the same scenario as the edited file")
    func sameAsEditedFile() throws {
        let overridden = try load([
            ScenarioOverride(path: "lambda.functions.pull.duration", value: "{fixed: 2m}"),
            ScenarioOverride(path: "stop.after", value: "3h"),
        ])
        let edited = try loader().scenario(
            yaml: Self.scenario.replacingOccurrences(of: "{fixed: 1m}", with: "{fixed: 2m}")
                .replacingOccurrences(of: "{after: 1h}", with: "{after: 3h}"),
            file: "s.yaml")
        #expect(overridden == edited)
        #expect(overridden != (try load([])))
    }

    @Test("a cap in the sosw config reaches the scenario's config document")
    func configValue() throws {
        let scenario = try loader().scenario(
            yaml: Self.scenario.replacingOccurrences(of: "        arn:", with: "        max_simultaneous_invocations: 5\n        arn:"),
            file: "s.yaml",
            overrides: [ScenarioOverride(path: "config.task_config.labourers.pull.max_simultaneous_invocations", value: "200")])
        #expect(scenario.config["task_config"]?["labourers"]?["pull"]?["max_simultaneous_invocations"] == .int(200))
    }

    @Test("a path that misses names the path, where it missed and the nearest keys", arguments: [
        ("config.task_config.labourers.pull.max_simultaneous_invocation",
         "s.yaml:8: config.task_config.labourers.pull.max_simultaneous_invocation: no key 'max_simultaneous_invocation' under config.task_config.labourers.pull of the scenario; the keys there are: arn"),
        ("config.task_config.labourers.pul.arn",
         "s.yaml:7: config.task_config.labourers.pul.arn: no key 'pul' under config.task_config.labourers of the scenario; did you mean 'pull'? the keys there are: pull"),
        ("seeds",
         "s.yaml:1: seeds: no key 'seeds' at the top level of the scenario; the keys there are: name, start, stop, config, lambda, load"),
        ("stopp.after",
         "s.yaml:1: stopp.after: no key 'stopp' at the top level of the scenario; did you mean 'stop'? the keys there are: name, start, stop, config, lambda, load"),
        ("load.2.tasks.count",
         "s.yaml:14: load.2.tasks.count: no element '2' in the list at load; expected an index from 0 to 1"),
        ("name.first",
         "s.yaml:1: name.first: name is the value 't', which has no key 'first'"),
    ])
    func missingPath(_ path: String, _ message: String) {
        #expect(throws: ScenarioError.self) { try load([ScenarioOverride(path: path, value: "1")]) }
        do {
            _ = try load([ScenarioOverride(path: path, value: "1")])
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a value the loader refuses is the loader's error, at the replaced key's line")
    func refusedValue() {
        do {
            _ = try load([ScenarioOverride(path: "load.0.tasks.count", value: "many")])
            Issue.record("the override was accepted")
        } catch {
            #expect(error.line == 14)
            #expect(error.keyPath == "load[0].tasks.count")
            #expect(error.problem.contains("the scalar 'many'"))
        }
    }
}
