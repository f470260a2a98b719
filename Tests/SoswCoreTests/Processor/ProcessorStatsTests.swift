import SoswCore
import Testing

@Suite struct ProcessorStatsTests {
    @Test func resetFoldsNumbersIntoTotalsAndKeepsTotalsAndLifetimeValues() {
        var stats = ProcessorStats(lifetimeNames: ["cache_size"])
        stats.increment("rows", by: 3)
        stats.add("time_fetch", 0.25)
        stats.set("cache_size", to: 7)
        stats.set("last_key", to: "k9")
        stats.reset()
        #expect(stats.values == ["total_rows": 3, "total_time_fetch": 0.25, "cache_size": 7])

        stats.increment("rows", by: 2)
        stats.increment("cache_size")
        stats.add("time_fetch", 0.5)
        #expect(stats.invocationValues == ["rows": 2, "time_fetch": 0.5])
        stats.reset()
        #expect(stats.values == ["total_rows": 5, "total_time_fetch": 0.75, "cache_size": 8])
    }

    @Test func resettingTwiceChangesNothingMore() {
        // sosw 0.7.51's handler resets twice after each invocation.
        var stats = ProcessorStats()
        stats.increment("rows", by: 4)
        stats.reset()
        let once = stats
        stats.reset()
        #expect(stats == once)
    }

    @Test func integersStayIntegersUntilTheyOverflow() {
        var stats = ProcessorStats()
        stats.increment("big", by: .max)
        stats.increment("big")
        #expect(stats.values["big"] == .double(Double(Int64.max) + 1))
        stats.set("label", to: "x")
        stats.increment("label")
        #expect(stats.values["label"] == 1)
    }
}
