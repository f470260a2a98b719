import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Seeded randomness")
struct SeededRandomTests {
    @Test("SplitMix64 matches the reference output for seed 0")
    func splitMixReference() {
        var mixer = SplitMix64(state: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("the same seed gives the same words; streams are independent of draw order")
    func reproducible() {
        let a = SeededRandom(seed: 9)
        let b = SeededRandom(seed: 9)
        #expect((0..<5).map { _ in a.nextWord() } == (0..<5).map { _ in b.nextWord() })
        let streamBefore = SeededRandom(seed: 9).stream("lambda").nextWord()
        #expect(a.stream("lambda").nextWord() == streamBefore, "a stream depends on the seed and label only")
        #expect(a.stream("lambda").nextWord() != a.stream("dynamodb").nextWord())
    }

    @Test("integer(below:) stays in range and hits every value", arguments: [1, 2, 3, 7, 1000] as [UInt64])
    func boundedIntegers(bound: UInt64) {
        let random = SeededRandom(seed: bound)
        var seen = Set<UInt64>()
        for _ in 0..<5000 {
            let value = random.integer(below: bound)
            #expect(value < bound)
            seen.insert(value)
        }
        #expect(seen.count == Int(min(bound, 1000)) || bound == 1000 && seen.count > 950)
    }

    @Test("unitInterval is in [0, 1) with mean near 1/2")
    func unitInterval() {
        let random = SeededRandom(seed: 3)
        let draws = (0..<20_000).map { _ in random.unitInterval() }
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.01)
    }

    @Test("lognormal draws have the requested median and 99th percentile")
    func lognormal() {
        let random = SeededRandom(seed: 11)
        var draws = (0..<100_000).map { _ in random.lognormal(median: 180, p99: 720) }
        draws.sort()
        let median = draws[draws.count / 2]
        let p99 = draws[draws.count * 99 / 100]
        #expect(abs(median - 180) / 180 < 0.03)
        #expect(abs(p99 - 720) / 720 < 0.05)
    }

    @Test("exponential draws have the requested mean")
    func exponential() {
        let random = SeededRandom(seed: 12)
        let mean = (0..<100_000).map { _ in random.exponential(mean: 4) }.reduce(0, +) / 100_000
        #expect(abs(mean - 4) < 0.1)
    }

    @Test("weighted choice follows the weights and never picks a zero weight")
    func weightedChoice() {
        let random = SeededRandom(seed: 13)
        var counts: [String: Int] = [:]
        for _ in 0..<20_000 {
            counts[random.weightedChoice([("complete", 0.9), ("fail", 0.1), ("hang", 0)]), default: 0] += 1
        }
        #expect(counts["hang"] == nil)
        #expect(abs(Double(counts["complete"]!) / 20_000 - 0.9) < 0.01)
    }

    @Test("Bernoulli draws hit the probability")
    func bernoulli() {
        let random = SeededRandom(seed: 14)
        let hits = (0..<20_000).filter { _ in random.bernoulli(0.25) }.count
        #expect(abs(Double(hits) / 20_000 - 0.25) < 0.01)
        #expect(!(0..<1000).contains { _ in random.bernoulli(0) })
    }

    @Test("durations: fixed is exact, uniform stays within bounds")
    func durations() {
        let random = SeededRandom(seed: 15)
        #expect(random.duration(.fixed(.seconds(3))) == .seconds(3))
        for _ in 0..<1000 {
            let value = random.duration(.uniform(.seconds(60), .seconds(300)))
            #expect(value >= .seconds(60) && value < .seconds(300))
        }
    }

    @Test("seeded ids are 32 lowercase hex digits, reproducible and distinct")
    func ids() {
        let first = SeededIDSource(random: SeededRandom(seed: 1).stream("ids"))
        let second = SeededIDSource(random: SeededRandom(seed: 1).stream("ids"))
        let a = (0..<1000).map { _ in first.nextID() }
        let b = (0..<1000).map { _ in second.nextID() }
        #expect(a == b)
        #expect(Set(a).count == 1000)
        #expect(a.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }

    @Test("seeded ids are the zero-padded hex of two words, and UUID text groups them 8-4-4-4-12")
    func idText() {
        let ids = SeededIDSource(random: SeededRandom(seed: 7).stream("ids"))
        let words = SeededRandom(seed: 7).stream("ids")
        func nextExpectedID() -> (id: String, paddedAWord: Bool) {
            let pair = [words.nextWord(), words.nextWord()]
            let text = pair.map { word in
                let digits = String(word, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }
            return (text.joined(), pair.contains { $0 < 1 << 60 })
        }
        var sawPadding = false
        for _ in 0..<2000 {
            let plain = nextExpectedID()
            #expect(ids.nextID() == plain.id)
            let grouped = nextExpectedID()
            let hex = Array(grouped.id)
            let groups = [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]].map { String($0) }
            #expect(ids.nextUUIDText() == groups.joined(separator: "-"))
            sawPadding = sawPadding || plain.paddedAWord || grouped.paddedAWord
        }
        #expect(sawPadding)
    }
}
