import SoswCore
import Testing

@Suite("Unix time")
struct UnixTimeTests {
    @Test("ISO-8601 parses and prints", arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)), ("2026-01-05T02:00:00Z", 1_767_578_400),
        ("2000-02-29T23:59:59Z", 951_868_799), ("1969-12-31T23:59:59Z", -1),
    ])
    func roundTrip(text: String, seconds: Int64) throws {
        let time = try #require(UnixTime(iso8601: text))
        #expect(time == UnixTime(seconds: seconds))
        #expect(time.iso8601 == text)
    }

    @Test("fractions keep their precision")
    func fractions() throws {
        let time = try #require(UnixTime(iso8601: "2026-01-05T02:00:00.25Z"))
        #expect(time.nanoseconds == 1_767_578_400_250_000_000)
        #expect(time.iso8601 == "2026-01-05T02:00:00.250Z")
    }

    @Test("impossible or foreign forms are rejected", arguments: [
        "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-05 02:00:00Z",
        "2026-01-05T02:00:00+01:00", "2026-01-05T24:00:00Z", "2026-01-05", "",
    ])
    func rejected(text: String) {
        #expect(UnixTime(iso8601: text) == nil)
    }

    @Test("whole seconds truncate towards zero like Python's int()")
    func truncation() {
        #expect(UnixTime(nanoseconds: 1_999_999_999).wholeSeconds == 1)
        #expect(UnixTime(nanoseconds: -1_500_000_000).wholeSeconds == -1)
        #expect(UnixTime(nanoseconds: 2_500_000_000).seconds == 2.5)
    }

    @Test("a well-formed time a UnixTime cannot hold is nil, not a trap")
    func outsideTheNanosecondRange() {
        #expect(UnixTime(iso8601: "9999-12-31T23:59:59Z") == nil)
        #expect(UnixTime(iso8601: "2262-04-11T23:47:16.854775807Z") != nil)
        #expect(UnixTime(iso8601: "2262-04-11T23:47:16.854775808Z") == nil)
    }
}
