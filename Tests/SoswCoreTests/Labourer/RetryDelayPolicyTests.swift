import Testing
@testable import SoswCore

/// A random source that always returns the same word, so a jittered delay is known in advance.
struct ConstantRandomSource: RandomSource {
    let word: UInt64
    func nextWord() -> UInt64 { word }
}

@Suite struct RetryDelayPolicyTests {
    @Test func linearIsMaxDurationTimesAttemptsAsInSoswTests() {
        // sosw's test_scavenger: max_duration 45 × attempts 5 = 225.
        let delay = RetryDelayPolicy.linear.delay(attempts: 5, maxDuration: .seconds(45), random: ConstantRandomSource(word: 0))
        #expect(delay == .seconds(225))
        #expect(RetryDelayPolicy.linear.delay(attempts: 1, maxDuration: .seconds(900), random: ConstantRandomSource(word: 0)) == .seconds(900))
    }

    @Test func exponentialFullJitterStaysWithinTheGrowingCeiling() {
        let policy = RetryDelayPolicy.exponential(base: .seconds(10), factor: 2, cap: .seconds(100))
        let highest = ConstantRandomSource(word: .max)
        let lowest = ConstantRandomSource(word: 1)
        // Ceilings: 10, 20, 40, 80, then capped at 100.
        #expect(policy.delay(attempts: 1, maxDuration: .seconds(900), random: highest) == .seconds(10))
        #expect(policy.delay(attempts: 2, maxDuration: .seconds(900), random: highest) == .seconds(20))
        #expect(policy.delay(attempts: 4, maxDuration: .seconds(900), random: highest) == .seconds(80))
        #expect(policy.delay(attempts: 5, maxDuration: .seconds(900), random: highest) == .seconds(100))
        #expect(policy.delay(attempts: 60, maxDuration: .seconds(900), random: highest) == .seconds(100))
        #expect(policy.delay(attempts: 3, maxDuration: .seconds(900), random: lowest) == .zero)
        // Half of the 64-bit range lands in the middle of 0...40.
        #expect(policy.delay(attempts: 3, maxDuration: .seconds(900), random: ConstantRandomSource(word: 1 << 63)) == .seconds(20))
    }

    @Test func shouldRetryWhileAttemptsBelowMax() {
        let labourer = Labourer(id: "l", arn: "a", maxAttempts: 3)
        #expect(labourer.shouldRetry(attempts: 1))
        #expect(labourer.shouldRetry(attempts: 2))
        #expect(!labourer.shouldRetry(attempts: 3))
    }
}
