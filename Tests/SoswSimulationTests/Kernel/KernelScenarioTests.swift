import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Kernel scenario files")
struct KernelScenarioTests {
    @Test("the embedded default loads and runs")
    func embeddedDefault() throws {
        let scenario = KernelScenario.embeddedDefault
        #expect(scenario.name == "kernel-default")
        #expect(scenario.workload.workers == 3)
        let result = try scenario.run(seed: scenario.seed, strict: true)
        #expect(result.events == 3002)
        #expect(result.simulatedSeconds > 1)
    }

    @Test("durations parse in every unit", arguments: [
        ("250ms", Duration.milliseconds(250)), ("1.5s", .milliseconds(1500)), ("90s", .seconds(90)),
        ("15m", .seconds(900)), ("2h", .seconds(7200)), ("1d", .seconds(86400)),
    ])
    func durations(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test("non-durations are rejected", arguments: ["", "5", "s", "-5s", "5 s", "5w", "1e3s"])
    func badDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test("errors name the file, the line and the key path", arguments: [
        ("name: a\nseeds: 1\n", "s.yaml:2: seeds: unknown key; expected one of: name, description, seed, start, workload"),
        ("name: a\nseed: -4\n", "s.yaml:2: seed: expected a non-negative integer, got '-4'"),
        ("name: a\nstart: yesterday\n", "s.yaml:2: start: 'yesterday' is not a UTC ISO-8601 time; expected e.g. 2026-01-05T02:00:00Z"),
        ("name: a\nworkload:\n  workers: 0\n", "s.yaml:3: workload.workers: expected a positive integer, got '0'"),
        ("name: a\nworkload:\n  latency: {p50: 5ms, p99: 1ms}\n", "s.yaml:3: workload.latency: p99 (0.001 seconds) is below p50 (0.005 seconds); expected p99 >= p50"),
        ("name: a\nworkload:\n  latency: {p50: fast, p99: 1ms}\n", "s.yaml:3: workload.latency.p50: 'fast' is not a duration; expected a number and a unit (ms, s, m, h, d), e.g. 90s"),
        ("description: no name\n", "s.yaml:1: name: missing; expected a string"),
        ("- a\n- b\n", "s.yaml:1: expected a mapping, got a sequence"),
    ])
    func loadErrors(yaml: String, message: String) {
        #expect(throws: KernelScenario.LoadError.self) { try KernelScenario(yaml: yaml, file: "s.yaml") }
        do {
            _ = try KernelScenario(yaml: yaml, file: "s.yaml")
        } catch {
            #expect(error.description == message)
        }
    }
}
