import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Explore: drawn scenarios and their YAML")
struct ScenarioGeneratorTests {
    @Test("every drawn scenario loads, and its YAML loads back to the same scenario", arguments: [0, 50, 100, 150])
    func writtenScenarioLoadsBackUnchanged(firstSeed: UInt64) throws {
        for seed in firstSeed..<firstSeed + 50 {
            let (scenario, yaml) = try ScenarioGenerator.draw(seed: seed)
            let again = try ScenarioLoader().scenario(yaml: try ScenarioWriter.yaml(scenario), file: "again.yaml")
            #expect(again == scenario, "seed \(seed): the written scenario loads differently:\n\(yaml)")
            #expect(try ScenarioWriter.yaml(again) == yaml, "seed \(seed): writing is not stable")
        }
    }

    /// Found by `sosw explore`: labourers drawn with a `duration` shorter than their function's Timeout broke
    /// `running_within_cap` (seeds 8, 9, 10 and 12 of the first draw): sosw re-invoked tasks whose workers were
    /// still running. sosw asks for a duration covering the worker's run, so the explorer now draws that.
    @Test("every drawn labourer's duration covers its worker's longest run, Lambda's retries included")
    func drawnDurationsCoverTheWorkersRuns() throws {
        for seed in UInt64(0)..<200 {
            let scenario = try ScenarioGenerator.draw(seed: seed).scenario
            let configuration = try SoswConfiguration(custom: scenario.config)
            for labourer in configuration.taskManager.labourers {
                let function = try #require(scenario.lambda.function(named: labourer.id))
                let window = ScenarioGenerator.runningWindow(timeout: function.timeout, lambdaRetries: function.maxRetryAttempts)
                #expect(labourer.duration >= window, "seed \(seed): \(labourer.id) duration \(labourer.duration) < \(window)")
            }
        }
    }

    @Test("the same seed draws the same scenario; other seeds draw others")
    func drawIsASeedFunction() throws {
        let first = try ScenarioGenerator.draw(seed: 7)
        #expect(try ScenarioGenerator.draw(seed: 7).yaml == first.yaml)
        let others = try Set((8..<20).map { try ScenarioGenerator.draw(seed: $0).yaml })
        #expect(others.count == 12 && !others.contains(first.yaml))
    }

    @Test("parse(write(s)) runs the same events as s", arguments: [3, 11, 42, 97, 128])
    func writtenScenarioRunsTheSameEvents(seed: UInt64) throws {
        let (scenario, yaml) = try ScenarioGenerator.draw(seed: seed)
        let reloaded = try ScenarioLoader().scenario(yaml: yaml, file: "explore.yaml")
        #expect(try ScenarioRun(reloaded).run().eventsSHA256 == ScenarioRun(scenario).run().eventsSHA256)
    }

    @Test("exploring a seed twice gives byte-identical events")
    func seedReplaysByteIdentically() throws {
        for seed: UInt64 in [5, 23] {
            let first = try SeedExploration.explore(seed: seed)
            let second = try SeedExploration.explore(seed: seed)
            #expect(first.eventsSHA256 == second.eventsSHA256)
            #expect(first.yaml == second.yaml)
        }
    }

    @Test("over many seeds every fault point is on in some and off in others")
    func faultPointsAreDecidedPerSeed() throws {
        var on: [String: Int] = [:]
        let seeds = 200
        for seed in 0..<UInt64(seeds) {
            for line in try ScenarioGenerator.draw(seed: seed).scenario.faults.compactMap({ try? ScenarioWriter.yaml(of: $0) }) {
                let key = line.split(separator: ":").prefix(2).joined(separator: ":")
                on[key, default: 0] += 1
            }
        }
        #expect(on.count >= 15, "fault points drawn: \(on.keys.sorted())")
        for (key, count) in on { #expect(count < seeds, "\(key) is on in every seed") }
    }
}
