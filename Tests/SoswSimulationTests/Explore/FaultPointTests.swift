import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Fault points: scenario keys, firing, and recovery")
struct FaultPointTests {
    static let base = """
        name: fault-points
        seed: 3
        start: 2026-01-05T02:00:00Z
        stop: {when: drained, at_most: 1d}
        essentials:
          orchestrator: {every: 1m}
          scavenger: {every: 1m, offset: 30s}
        config:
          task_config:
            max_attempts: 6
            labourers:
              w:
                arn: arn:aws:lambda:us-west-2:000000000000:function:w
                max_simultaneous_invocations: 10
                duration: 120
                cooldown: 30
                health_metrics:
                  load:
                    details: {Namespace: Explore/Load, MetricName: Pressure, Period: 60, Statistics: [Average], Dimensions: [{Name: Labourer, Value: w}]}
                    feelings: {3: 60, 4: 30}
                    feeling_comparison_operator: "<="
        lambda:
          functions:
            w: {timeout: 2m, duration: {lognormal: {median: 20s, p99: 60s}}, outcomes: {complete: 0.8, fail: 0.2}}
        metrics:
          - {namespace: Explore/Load, name: Pressure, dimensions: {Labourer: w}, model: {reactive: {base: 5, per_running: {w: 2}}}}
        load:
          - {at: 0s, tasks: {labourer: w, count: 60}}

        """

    static let everyFault = """
        faults:
          - {dynamodb: {latency_spike: {probability: 0.05, delay: 2s}}}
          - {dynamodb: {internal_error: 0.02}}
          - {dynamodb: {conditional_race: {probability: 0.3, delay: 1s}}}
          - {lambda: {too_many_requests: 0.05, late_delivery: {probability: 0.1, delay: 3m}, timeout: 0.05, lost_event: 0.02}}
          - {cloudwatch: {missing_datapoints: 0.3, delayed_datapoints: {probability: 0.5, delay: 3m}}}
          - {sns: {publish_failure: 0.5}}
          - {essentials: {orchestrator: {overlap: 0.3, crash: 0.3}, scavenger: {crash: 0.3}}}

        """

    @Test("each fault key loads into its fault")
    func faultKeysLoad() throws {
        let scenario = try ScenarioLoader().scenario(yaml: Self.base + Self.everyFault, file: "faults.yaml")
        #expect(scenario.faults.contains(.dynamoDBLatencySpike(ChanceOfDelay(probability: 0.05, delay: .seconds(2)))))
        #expect(scenario.faults.contains(.dynamoDBInternalError(probability: 0.02)))
        #expect(scenario.faults.contains(.dynamoDBConditionalRace(ChanceOfDelay(probability: 0.3, delay: .seconds(1)))))
        #expect(scenario.faults.contains(.lambdaTooManyRequests(probability: 0.05)))
        #expect(scenario.faults.contains(.lambdaLateDelivery(ChanceOfDelay(probability: 0.1, delay: .seconds(180)))))
        #expect(scenario.faults.contains(.lambdaTimeout(probability: 0.05)))
        #expect(scenario.faults.contains(.lambdaLostEvent(probability: 0.02)))
        #expect(scenario.faults.contains(.cloudWatchMissingDatapoints(probability: 0.3)))
        #expect(scenario.faults.contains(.cloudWatchDelayedDatapoints(ChanceOfDelay(probability: 0.5, delay: .seconds(180)))))
        #expect(scenario.faults.contains(.snsPublishFailure(probability: 0.5)))
        #expect(try ScenarioLoader().scenario(yaml: ScenarioWriter.yaml(scenario), file: "again.yaml") == scenario)
    }

    @Test("a fault mapping without any fault, or with an unknown one, is refused with its key path")
    func badFaultKeysAreRefused() {
        for (faults, expected) in [
            ("  - {lambda: {}}\n", "faults[0].lambda"),
            ("  - {sns: {publish_failures: 0.1}}\n", "faults[0].sns.publish_failures"),
            ("  - {dynamodb: {latency_spike: {probability: 0.1}}}\n", "faults[0].dynamodb.latency_spike.delay"),
            ("  - {cloudwatch: {missing_datapoints: 1.5}}\n", "faults[0].cloudwatch.missing_datapoints"),
        ] {
            #expect {
                try ScenarioLoader().scenario(yaml: Self.base + "faults:\n" + faults, file: "bad.yaml")
            } throws: { error in
                (error as? ScenarioError)?.keyPath == expected
            }
        }
    }

    @Test("with every fault point on, each fires, and the run still keeps every invariant")
    func everyFaultFiresAndTheCoreRecovers() throws {
        let scenario = try ScenarioLoader().scenario(yaml: Self.base + Self.everyFault, file: "faults.yaml")
        let result = try ScenarioRun(scenario).run()
        #expect(result.invariantViolation == nil, "\(result.invariantViolation?.description ?? "")")
        for kind in [
            "dynamodb_latency_spike", "dynamodb_internal_error", "dynamodb_conditional_race", "lambda_too_many_requests",
            "lambda_late_delivery", "lambda_timeout", "lambda_lost_event", "cloudwatch_missing_datapoints",
            "cloudwatch_delayed_datapoints", "essential_crash", "essential_overlap",
        ] {
            #expect((result.sometimes.faults[kind] ?? 0) > 0, "\(kind) never fired: \(result.sometimes.faults)")
        }
        #expect((result.sometimes.paths["retry"] ?? 0) > 0)
        #expect(try ScenarioRun(scenario).run().eventsSHA256 == result.eventsSHA256)
    }

    @Test("a crashing essential run dies before a drawn AWS call, at many different calls, and the next runs recover")
    func crashesLandAtCalls() throws {
        let scenario = try ScenarioLoader().scenario(
            yaml: Self.base + "faults:\n  - {essentials: {orchestrator: {crash: 0.5}, scavenger: {crash: 0.5}}}\n",
            file: "crash.yaml")
        var lines: [String] = []
        let result = try ScenarioRun(scenario).run(keepsLines: true)
        lines = result.lines.filter { $0.contains("\"essential_crash\"") }
        #expect(result.invariantViolation == nil, "\(result.invariantViolation?.description ?? "")")
        let points = Set(lines.compactMap { $0.firstMatch(of: /"at_call":(\d+)/).map { Int($0.output.1)! } })
        #expect(points.count >= 5, "crash points seen: \(points.sorted())")
        #expect(result.drained)
    }
}
