import SoswSimulation
import Testing

/// Scenarios too big for the machine are refused at load, with an estimate and what to change, before a run
/// spends hours or exhausts memory; the size override lets them through.
@Suite struct ScenarioSizeLimitTests {
    static let gigabyte: UInt64 = 1_000_000_000

    static func scenario(load: String = "", essentials: String = "", stop: String = "{after: 1h}") -> String {
        minimalScenario.replacingOccurrences(of: "stop: {after: 1h}", with: "stop: \(stop)") + essentials + load
    }

    static func refusal(_ yaml: String, memory: UInt64 = 16 * gigabyte) -> ScenarioError? {
        do {
            _ = try ScenarioLoader(readFile: { _ in "" }, memory: memory).scenario(yaml: yaml, file: "s.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("a period under 1ms is refused, saying why")
    func periodUnderAMillisecond() {
        let error = Self.refusal(Self.scenario(essentials: "essentials:\n  orchestrator: {every: 0.5ms}\n"))
        #expect(error?.keyPath == "essentials.orchestrator.every")
        #expect(error?.line == 14)
        #expect(error?.problem.contains("shorter than 1ms") == true)
        #expect(error?.problem.contains("millions of times per simulated second") == true)
    }

    @Test("tasks that would not fit in memory are refused with the estimate, the machine's memory and the override")
    func tooManyTasks() {
        let load = "load:\n  - {at: 0s, tasks: {labourer: pull, count: 1000}}\n  - {at: 0s, tasks: {labourer: pull, count: 10000000}}\n"
        let error = Self.refusal(Self.scenario(load: load), memory: 16 * Self.gigabyte)
        #expect(error?.keyPath == "load[1]")
        #expect(error?.line == 15)
        #expect(error?.problem == "the load creates about 1e+07 tasks within the run's 1h, which would need about 32.0 GB "
            + "of memory (3.2 KB a task), more than this machine's 16.0 GB; lower the load or shorten the run, "
            + "or set SOSW_IGNORE_SIZE_ESTIMATE=1 to run it anyway")
        #expect(Self.refusal(Self.scenario(load: load), memory: 64 * Self.gigabyte) == nil)
    }

    @Test("a rate load counts its tasks over the part of its span inside the run, and repeats with its trigger")
    func rateAndRepeatingLoads() throws {
        let load = """
            load:
              - {at: 0s, rate: {labourer: pull, per_minute: {ramp: [0, 200000]}, over: 2h}}
              - {every: 10m, from: 0s, until: 30m, tasks: {labourer: pull, count: 1000}}

            """
        let scenario = try ScenarioLoader(readFile: { _ in "" }, memory: nil).scenario(
            yaml: Self.scenario(load: load), file: "s.yaml")
        let estimate = ScenarioLimits.workEstimate(of: scenario)
        // The ramp's mean (100,000 a minute) for the run's hour; then 4 firings (0, 10, 20, 30 minutes) of 1,000.
        #expect(estimate.tasks == 6_000_000 + 4_000)
        #expect(estimate.largestLoad == "load[0]")
        // Two essentials every minute for an hour (61 firings each), and the repeating load's 4.
        #expect(estimate.firings == 61 + 61 + 4)
        #expect(Self.refusal(Self.scenario(load: load), memory: 16 * Self.gigabyte)?.keyPath == "load[0]")
    }

    @Test("a schedule firing every millisecond for ten years is refused with the work it would take")
    func tooManyFirings() {
        let yaml = Self.scenario(essentials: "essentials:\n  orchestrator: {every: 1m}\n  scavenger: {every: 1ms}\n", stop: "{after: 3650d}")
        let error = Self.refusal(yaml, memory: 1000 * Self.gigabyte)
        #expect(error?.keyPath == "essentials.scavenger.every")
        #expect(error?.line == 15)
        #expect(error?.problem.hasPrefix("the schedules fire about 3.15e+11 times within the run's 3650d, about 146") == true, "\(error?.problem ?? "")")
        #expect(error?.problem.hasSuffix("or set SOSW_IGNORE_SIZE_ESTIMATE=1 to run it anyway") == true)
    }

    @Test("the override skips the size checks; the machine's memory comes from /proc/meminfo")
    func override() throws {
        #expect(ScenarioLimits.memoryToCheck(environment: ["SOSW_IGNORE_SIZE_ESTIMATE": "1"]) == nil)
        #if os(Linux)
        let memory = try #require(ScenarioLimits.memoryToCheck(environment: [:]))
        #expect(memory > 100_000_000)
        #endif
        let load = "load:\n  - {at: 0s, tasks: {labourer: pull, count: 10000000}}\n"
        let loaded = try ScenarioLoader(readFile: { _ in "" }, memory: nil).scenario(yaml: Self.scenario(load: load), file: "s.yaml")
        #expect(loaded.load.count == 1)
    }
}
