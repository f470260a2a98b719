import Testing
@testable import SoswCore

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, 3), ("2019-04-28", 18014, 6), ("2019-04-29", 18015, 0), ("2000-02-29", 11016, 1),
        ("1969-12-31", -1, 2), ("2400-12-31", 157_419, 6),
    ])
    func roundTripsDaysAndWeekdays(text: String, days: Int, weekday: Int) throws {
        let date = try #require(CivilDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.description == text)
        #expect(date.weekdayFromMonday == weekday)
    }

    @Test func rejectsImpossibleDays() {
        #expect(CivilDate("2019-02-29") == nil)
        #expect(CivilDate("2019-13-01") == nil)
        #expect(CivilDate("2019-4-01") == nil)
        #expect(CivilDate(year: 2020, month: 2, day: 29) != nil)
    }

    @Test func dayOfAUnixTimeIsUTC() {
        #expect(CivilDate(UnixTime(seconds: 1_556_668_799)).description == "2019-04-30")
        #expect(CivilDate(UnixTime(seconds: 1_556_668_800)).description == "2019-05-01")
        #expect(CivilDate(UnixTime(nanoseconds: -1)).description == "1969-12-31")
    }

    @Test func addingDaysCrossesMonthsAndYears() throws {
        let date = try #require(CivilDate("2019-01-30"))
        #expect(date.adding(days: -30).description == "2018-12-31")
        #expect(date.adding(days: 30).description == "2019-03-01")
    }
}
