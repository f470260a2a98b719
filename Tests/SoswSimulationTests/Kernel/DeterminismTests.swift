import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Determinism of the kernel")
struct DeterminismTests {
    private func hash(seed: UInt64, scheduling: SchedulingPolicy = .fifo, workload: ContentionWorkload = .init()) throws -> String {
        let log = EventLog()
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), scheduling: scheduling, strict: true)
        _ = try workload.run(on: executor, random: SeededRandom(seed: seed), log: log)
        return log.sha256
    }

    @Test("the same seed gives the same log hash twice in one process")
    func sameSeedSameHash() throws {
        let first = try hash(seed: 42)
        let second = try hash(seed: 42)
        #expect(first == second)
        #expect(first.count == 64)
    }

    @Test("another seed gives another hash")
    func otherSeedOtherHash() throws {
        #expect(try hash(seed: 42) != hash(seed: 43))
    }

    @Test("three actors contend: some conditional writes lose, all claims are accounted for")
    func contentionHappens() throws {
        let log = EventLog(keepsLines: true)
        let executor = SimExecutor(start: UnixTime(seconds: 0), strict: true)
        let outcome = try ContentionWorkload(workers: 3, iterations: 200, keys: 4)
            .run(on: executor, random: SeededRandom(seed: 7), log: log)
        #expect(outcome.won + outcome.lost == 600)
        #expect(outcome.lost > 0, "with 3 workers on 4 keys some writes must lose")
        #expect(log.count == 602)
        let times = log.lines.compactMap { line in line.split(separator: ",").first.map { String($0.dropFirst(5)) } }
        #expect(times == times.sorted { Double($0)! < Double($1)! }, "events are ordered by virtual time")
    }

    @Test("seeded-random scheduling changes the interleaving when latencies are fixed")
    func randomSchedulingVariesInterleaving() throws {
        let fixed = ContentionWorkload(workers: 4, iterations: 100, keys: 3, latency: .fixed(.milliseconds(10)))
        let fifo = try hash(seed: 1, scheduling: .fifo, workload: fixed)
        let randomA = try hash(seed: 1, scheduling: .random(seed: 1), workload: fixed)
        let randomB = try hash(seed: 1, scheduling: .random(seed: 2), workload: fixed)
        let randomAAgain = try hash(seed: 1, scheduling: .random(seed: 1), workload: fixed)
        #expect(randomA == randomAAgain, "one scheduling seed replays the same interleaving")
        #expect(randomA != randomB)
        #expect(randomA != fifo)
    }

    @Test("two simulators on two threads at once give the same hashes as alone")
    func parallelSimulatorsAgree() async throws {
        let alone = try hash(seed: 5)
        async let first = Task.detached { try self.hash(seed: 5) }.value
        async let second = Task.detached { try self.hash(seed: 5) }.value
        let results = try await [first, second]
        #expect(results == [alone, alone])
    }
}
