import SoswCore
import Testing

@testable import SoswSimulation

/// A minimal valid scenario (12 lines); cases append to it or replace parts of it.
let minimalScenario = """
    name: t
    start: 2026-01-05T00:00:00Z
    stop: {after: 1h}
    config:
      task_config:
        labourers:
          pull:
            arn: arn:aws:lambda:us-west-2:000000000000:function:pull
    lambda:
      functions:
        pull:
          duration: {fixed: 1m}

    """

/// A loader whose referenced files come from a table instead of the disk.
func loader(files: [String: String] = [:]) -> ScenarioLoader {
    ScenarioLoader { path in
        guard let text = files[path] else { throw ScenarioLoader.UnreadableFile(reason: "no such file") }
        return text
    }
}

/// A malformed variant of ``minimalScenario`` and the exact message it must produce.
struct Malformed: Sendable, CustomTestStringConvertible {
    var yaml: String
    var message: String

    init(yaml: String, _ message: String) {
        self.yaml = yaml
        self.message = message
    }

    init(appending text: String, _ message: String) {
        self.init(yaml: minimalScenario + text, message)
    }

    init(replacing target: String, with replacement: String, _ message: String) {
        self.init(yaml: minimalScenario.replacingOccurrences(of: target, with: replacement), message)
    }

    var testDescription: String { message }
}

@Suite("Scenario loader errors")
struct ScenarioLoaderErrorTests {
    @Test("the minimal scenario loads, with the documented defaults")
    func minimal() throws {
        let scenario = try loader().scenario(yaml: minimalScenario, file: "s.yaml")
        #expect(scenario.seed == 0)
        #expect(scenario.essentials == EssentialSchedule.defaults)
        #expect(scenario.latency == ServiceLatency())
        #expect(scenario.lambda == LambdaSettings(functions: [FunctionModel(name: "pull", duration: .fixed(.seconds(60)))]))
        #expect(scenario.lambda.function(named: "pull")?.timeout == .seconds(900))
    }

    static let malformed: [Malformed] = [
        // Unknown keys, near misses, structure.
        Malformed(appending: "seeds: 4\n",
         "s.yaml:13: seeds: unknown key; did you mean 'seed'? expected one of: name, description, seed, start, stop, essentials, config, lambda, metrics, load, latency, faults, expect, pricing, dynamodb"),
        Malformed(appending: "colour: red\n",
         "s.yaml:13: colour: unknown key; expected one of: name, description, seed, start, stop, essentials, config, lambda, metrics, load, latency, faults, expect, pricing, dynamodb"),
        Malformed(replacing: "duration: {fixed: 1m}", with: "duration: {fixed: 1m}\n      timout: 5m",
         "s.yaml:13: lambda.functions.pull.timout: unknown key; did you mean 'timeout'? expected one of: timeout, memory_mb, duration, outcomes, outcome_scope, max_retry_attempts, max_event_age, reserved_concurrency"),
        Malformed(replacing: "        arn:", with: "        max_simultaneous_invocation: 3\n        arn:",
         "s.yaml:8: config.task_config.labourers.pull.max_simultaneous_invocation: unknown key; did you mean 'max_simultaneous_invocations'? expected one of: arn, max_simultaneous_invocations, max_attempts, health_metrics, duration, cooldown, retry_delay, max_duration"),
        Malformed(replacing: "stop: {after: 1h}\n", with: "",
         "s.yaml:1: stop: missing; expected {after: <duration>} or {when: drained, at_most: <duration>}"),
        Malformed(replacing: "{after: 1h}", with: "{when: drained}",
         "s.yaml:3: stop.at_most: missing; expected the longest the run may take if it never drains, e.g. 2d"),
        // Wrong types and impossible values.
        Malformed(appending: "seed: many\n", "s.yaml:13: seed: expected a non-negative integer, got the scalar 'many'"),
        Malformed(appending: "seed: -4\n", "s.yaml:13: seed: expected a non-negative integer, got -4"),
        Malformed(replacing: "2026-01-05T00:00:00Z", with: "2026-13-05T00:00:00Z",
         "s.yaml:2: start: '2026-13-05T00:00:00Z' is not a UTC ISO-8601 time; expected e.g. 2026-01-05T02:00:00Z"),
        Malformed(replacing: "{after: 1h}", with: "{after: -5m}",
         "s.yaml:3: stop.after: '-5m' is negative; expected a duration: a number and a unit (ms, s, m, h, d), e.g. 90s"),
        Malformed(replacing: "{after: 1h}", with: "{after: 90}",
         "s.yaml:3: stop.after: expected a duration: a number and a unit (ms, s, m, h, d), e.g. 90s, got the integer 90"),
        Malformed(replacing: "{fixed: 1m}", with: "{fixed: 1m}\n      outcomes: {complete: 0.9, fail: 0.05}",
         "s.yaml:13: lambda.functions.pull.outcomes: probabilities sum to 0.95; expected 1"),
        Malformed(replacing: "{fixed: 1m}", with: "{fixed: 1m}\n      max_retry_attempts: 3",
         "s.yaml:13: lambda.functions.pull.max_retry_attempts: expected an integer from 0 to 2, got 3"),
        Malformed(replacing: "{fixed: 1m}", with: "{fixed: 1m}\n      outcome_scope: invokation",
         "s.yaml:13: lambda.functions.pull.outcome_scope: unknown value 'invokation'; did you mean 'invocation'? expected one of: invocation, task"),
        Malformed(replacing: "{fixed: 1m}", with: "{lognormal: {median: 3m, p99: 1m}}",
         "s.yaml:12: lambda.functions.pull.duration.lognormal: p99 (60.0 seconds) is below median (180.0 seconds); expected p99 >= median"),
        Malformed(replacing: "{fixed: 1m}", with: "{gaussian: 1m}",
         "s.yaml:12: lambda.functions.pull.duration.gaussian: unknown key; expected one of: fixed, uniform, lognormal, exponential, empirical"),
        Malformed(replacing: "{fixed: 1m}", with: "{empirical: durations.csv}",
         "s.yaml:12: lambda.functions.pull.duration.empirical: cannot read 'durations.csv': no such file"),
        // Cross-checks.
        Malformed(appending: "expect:\n  - {dead: {labourer: pul, at_most: 3}}\n",
         "s.yaml:14: expect[0].dead.labourer: unknown labourer 'pul'; did you mean 'pull'? expected one of config.task_config.labourers and lambda.functions: pull"),
        Malformed(appending: "load:\n  - {at: 0s, tasks: {labourer: push, count: 5}}\n",
         "s.yaml:14: load[0].tasks.labourer: unknown labourer 'push'; expected one of config.task_config.labourers: pull"),
        Malformed(appending: "load:\n  - {tasks: {labourer: pull, count: 5}}\n",
         "s.yaml:14: load[0].at: missing; expected `at: <offset>` or `every: <interval>`"),
        Malformed(appending: "load:\n  - {at: 0s, tasks: {labourer: pull, count: 0}}\n",
         "s.yaml:14: load[0].tasks.count: expected an integer from 1 to 10000000, got 0"),
        Malformed(appending: "load:\n  - {at: 0s, job: {lambda_name: pusher, period: today}}\n",
         "s.yaml:14: load[0].job.lambda_name: unknown labourer 'pusher'; expected one of config.task_config.labourers: pull"),
        Malformed(replacing: "function:pull", with: "function:puller",
         "s.yaml:8: config.task_config.labourers.pull.arn: the labourer's function 'puller' is not in lambda.functions; did you mean 'pull'? declared: pull"),
        Malformed(appending: "metrics:\n  - {namespace: AWS/RDS, name: CPU, model: {reactive: {base: 5, per_running: {pul: 2}}}}\n",
         "s.yaml:14: metrics[0].model.reactive.per_running.pul: unknown function 'pul'; did you mean 'pull'? expected one of lambda.functions: pull"),
        Malformed(appending: "essentials:\n  orchestrater: {every: 1m}\n",
         "s.yaml:14: essentials.orchestrater: unknown essential; did you mean 'orchestrator'? expected one of: orchestrator, scavenger, scheduler"),
        Malformed(appending: "faults:\n  - {lambda: {duplicate_delivery: 1.5}}\n",
         "s.yaml:14: faults[0].lambda.duplicate_delivery: expected a number from 0 to 1, got 1.5"),
        Malformed(appending: "faults:\n  - {dynamodb: {index_lag: {index: greenfield, p50: 1s, p99: 2s}}}\n",
         "s.yaml:14: faults[0].dynamodb.index_lag.index: unknown index 'greenfield'; expected one of sosw's indexes: sosw_tasks_greenfield, labourer_task_status_with_time, labourer_id_greenfield; give `table` for another index"),
        Malformed(replacing: "        arn:", with: "        max_attempts: 0\n        arn:",
         "s.yaml:8: config.task_config.labourers.pull.max_attempts: expected an integer >= 1, got 0"),
        Malformed(replacing: "        arn:", with: """
                    health_metrics:
                      cpu:
                        details: {Namespace: AWS/RDS, MetricName: CPUUtilization}
                        feelings: {4: 25}
                        feeling_comparison_operator: "<="
                    arn:
            """,
         "s.yaml:10: config.task_config.labourers.pull.health_metrics.cpu.details: no entry of `metrics` simulates AWS/RDS CPUUtilization {}; without data the labourer is never invoked (add the metric, or set on_missing_data: ignore)"),
        Malformed(appending: "expect:\n  - {dead: {labourer: pull, at_least: 5, at_most: 3}}\n",
         "s.yaml:14: expect[0].dead: at_least (5) is above at_most (3); nothing could pass"),
        Malformed(appending: "expect:\n  - {no_duplicate_invocations: false}\n",
         "s.yaml:14: expect[0].no_duplicate_invocations: only `true` can be checked; remove the entry to not check it"),
        Malformed(appending: "name: again\n", "s.yaml:1: not valid YAML: the key 'name' appears twice in one mapping"),
        Malformed(yaml: "", "s.yaml: the file is empty; expected a mapping with at least `name`"),
        ]

    @Test("malformed scenarios are rejected with file, line, key path and what was expected", arguments: malformed)
    func rejected(_ example: Malformed) {
        do {
            _ = try loader().scenario(yaml: example.yaml, file: "s.yaml")
            Issue.record("expected the error: \(example.message)")
        } catch {
            #expect(error.description == example.message)
        }
    }

    @Test("a referenced CSV is resolved next to the scenario file and its bad rows are reported with their line")
    func referencedFiles() throws {
        let yaml = minimalScenario.replacingOccurrences(of: "{fixed: 1m}", with: "{empirical: runs.csv}")
        let good = loader(files: ["scenarios/runs.csv": "seconds\n30\n\n# a comment\n45.5\n"])
        let function = try good.scenario(yaml: yaml, file: "scenarios/s.yaml").lambda.function(named: "pull")
        #expect(function?.duration == .empirical([.seconds(30), .milliseconds(45_500)]))

        let bad = loader(files: ["scenarios/runs.csv": "seconds\n30\nsoon\n"])
        #expect(throws: ScenarioError(file: "scenarios/s.yaml", line: 12, keyPath: "lambda.functions.pull.duration.empirical",
                                      problem: "runs.csv line 3: 'soon' is not a number of seconds")) {
            try bad.scenario(yaml: yaml, file: "scenarios/s.yaml")
        }
    }

    @Test("a metric replay reads ISO-8601 and epoch-second timestamps, in order")
    func replay() throws {
        let yaml = minimalScenario + "metrics:\n  - {namespace: N, name: M, model: {replay: cpu.csv}}\n"
        let files = ["cpu.csv": "timestamp,value\n2026-01-05T00:00:00Z,20\n1767571260,35.5\n"]
        let metric = try #require(try loader(files: files).scenario(yaml: yaml, file: "s.yaml").metrics.first)
        #expect(metric.model == .replay([
            MetricSample(time: UnixTime(iso8601: "2026-01-05T00:00:00Z")!, value: 20),
            MetricSample(time: UnixTime(seconds: 1_767_571_260), value: 35.5),
        ]))
        let unordered = ["cpu.csv": "2026-01-05T00:01:00Z,20\n2026-01-05T00:00:00Z,35\n"]
        #expect(throws: ScenarioError(file: "s.yaml", line: 14, keyPath: "metrics[0].model.replay",
                                      problem: "cpu.csv line 2: 2026-01-05T00:00:00Z is not after the previous row's 2026-01-05T00:01:00Z; expected rows in increasing time order")) {
            try loader(files: unordered).scenario(yaml: yaml, file: "s.yaml")
        }
    }

    @Test("a file with `workload:` is a kernel scenario, any other an engine scenario; JSON loads like YAML")
    func forms() throws {
        let kernel = try loader().load(yaml: "name: k\nworkload: {workers: 2}\n", file: "k.yaml")
        guard case .kernel(let scenario) = kernel else { Issue.record("expected the kernel form"); return }
        #expect(scenario.workload.workers == 2)
        let json = #"{"name": "j", "start": "2026-01-05T00:00:00Z", "stop": {"after": "1h"}}"#
        guard case .engine(let engine) = try loader().load(yaml: json, file: "j.json") else {
            Issue.record("expected the engine form")
            return
        }
        #expect(engine.stop == .after(.seconds(3600)))
        #expect(throws: ScenarioError(file: "j.json", line: 1, keyPath: "stop.after",
                                      problem: "expected a duration: a number and a unit (ms, s, m, h, d), e.g. 90s, got the integer 3600")) {
            try loader().scenario(yaml: #"{"name": "j", "start": "2026-01-05T00:00:00Z", "stop": {"after": 3600}}"#, file: "j.json")
        }
    }

    @Test("near misses are suggested within a third of the word's length")
    func nearMisses() {
        #expect(NearMiss.editDistance("kitten", "sitting") == 3)
        #expect(NearMiss.suggestion(for: "seeds", among: ["name", "seed"]) == "seed")
        #expect(NearMiss.suggestion(for: "colour", among: ["name", "seed"]) == nil)
        #expect(NearMiss.suggestion(for: "Timeout", among: ["timeout"]) == "timeout")
    }
}
