import Testing
@testable import SoswCore

/// The date patterns of sosw's test_scheduler, with its fixed dates.
@Suite struct SchedulePeriodTests {
    func dates(_ period: String, _ today: String, resolver: PeriodResolver? = nil) throws -> [String] {
        let resolver = try resolver ?? PeriodResolver()
        return try resolver.dates(for: period, today: try #require(CivilDate(today)))
    }

    @Test(arguments: [
        ("last_3_days", "2019-01-30", ["2019-01-27", "2019-01-28", "2019-01-29"]),
        ("last_5_days", "2019-01-30", ["2019-01-25", "2019-01-26", "2019-01-27", "2019-01-28", "2019-01-29"]),
        ("1_days_back", "2019-01-30", ["2019-01-29"]),
        ("7_days_back", "2019-01-30", ["2019-01-23"]),
        ("30_days_back", "2019-01-30", ["2018-12-31"]),
        ("yesterday", "2019-04-11", ["2019-04-10"]),
        ("today", "2019-04-10", ["2019-04-10"]),
        ("previous_2_days", "2019-04-30", ["2019-04-26", "2019-04-27"]),
        ("previous_3_days", "2019-04-30", ["2019-04-24", "2019-04-25", "2019-04-26"]),
        ("last_week", "2019-04-30", ["2019-04-21", "2019-04-22", "2019-04-23", "2019-04-24", "2019-04-25", "2019-04-26", "2019-04-27"]),
        ("last_week", "2019-04-29", ["2019-04-21", "2019-04-22", "2019-04-23", "2019-04-24", "2019-04-25", "2019-04-26", "2019-04-27"]),
        ("last_week", "2019-05-04", ["2019-04-21", "2019-04-22", "2019-04-23", "2019-04-24", "2019-04-25", "2019-04-26", "2019-04-27"]),
    ])
    func builtInPatterns(period: String, today: String, expected: [String]) throws {
        #expect(try dates(period, today) == expected)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): on a Sunday, `last_week` is the week that ended the day
    /// before (sosw gave 04-14…04-20).
    @Test func lastWeekOnASundayIsTheWeekJustEnded() throws {
        #expect(try dates("last_week", "2019-04-28") ==
            ["2019-04-21", "2019-04-22", "2019-04-23", "2019-04-24", "2019-04-25", "2019-04-26", "2019-04-27"])
    }

    @Test func sevenDaysBackIsTheSameWeekday() throws {
        let today = try #require(CivilDate("2019-01-30"))
        let back = try #require(CivilDate(try dates("7_days_back", "2019-01-30")[0]))
        #expect(back.weekdayFromMonday == today.weekdayFromMonday)
    }

    @Test func patternsMatchAtTheStartLikeRePythonMatch() throws {
        #expect(SchedulePeriod("last_2_days_please") == .lastDays(2))
        #expect(SchedulePeriod("today_and_more") == .today)
        #expect(SchedulePeriod("the_last_week") == nil)
        #expect(SchedulePeriod("last__days") == nil)
    }

    @Test func unsupportedPeriodIsAnInvalidJob() {
        #expect(throws: InvalidJob.self) { try dates("putin_the_best", "2019-04-30") }
    }

    /// sosw's test_custom_period_patterns: a custom pattern resolved by its handler.
    @Test func customPatternsUseTheirRegisteredHandler() throws {
        let resolver = try PeriodResolver(customPatterns: ["get_june_days", "last_[0-9]+_hours"], handlers: [
            "get_june_days": { _, _ in ["2020-06-24", "2020-06-23", "2020-06-22"] },
            "last_x_hours": { period, today in [period, today.description] },
        ])
        #expect(try dates("get_june_days", "2020-07-01", resolver: resolver) == ["2020-06-24", "2020-06-23", "2020-06-22"])
        #expect(try dates("last_6_hours", "2020-07-01", resolver: resolver) == ["last_6_hours", "2020-07-01"])
        #expect(PeriodResolver.handlerName(for: "last_[0-9]+_hours") == "last_x_hours")
    }

    @Test func customPatternWithoutHandlerOrBadRegexIsAConfigError() {
        #expect(throws: ConfigError.self) { try PeriodResolver(customPatterns: ["nope"]) }
        #expect(throws: ConfigError.self) { try PeriodResolver(customPatterns: ["(unclosed"], handlers: ["(unclosed": { _, _ in [] }]) }
    }
}
