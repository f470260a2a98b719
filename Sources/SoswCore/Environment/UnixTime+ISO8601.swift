/// ISO-8601 / RFC 3339 UTC timestamps (`2026-01-05T02:00:00Z`, optional fraction), the form scenario files and
/// reports use. Parsed and printed by hand: no Foundation calendar, no locale, no time zone database.
extension UnixTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (UTC only); nil when the text is not of that form, names an
    /// impossible date, or a time a `UnixTime` cannot hold.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
            bytes[13] == 58, bytes[16] == 58, bytes.last == 90 || bytes.last == 122,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let date = CivilDate(year: Int(year), month: Int(month), day: Int(day)),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var nanos: Int64 = 0
        if bytes.count > 20 {
            guard bytes[19] == 46, bytes.count - 21 <= 9, bytes.count - 21 >= 1,
                let fraction = number(20..<(bytes.count - 1))
            else { return nil }
            nanos = fraction
            for _ in 0..<(9 - (bytes.count - 21)) { nanos *= 10 }
        } else if bytes.count != 20 {
            return nil
        }
        // Seconds fit easily; nanoseconds hold only about 1677 to 2262, so a year outside is nil, not a trap.
        let seconds = ((Int64(date.daysSinceEpoch) * 24 + hour) * 60 + minute) * 60 + second
        let (scaled, overflowed) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflowedAgain) = scaled.addingReportingOverflow(nanos)
        guard !overflowed, !overflowedAgain else { return nil }
        self.init(nanoseconds: total)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` when the time has milliseconds.
    public var iso8601: String {
        let ms = milliseconds
        let daysSinceEpoch = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let msOfDay = ms - daysSinceEpoch * 86_400_000
        let date = CivilDate(daysSinceEpoch: Int(daysSinceEpoch))
        func pad(_ value: Int64) -> String {
            value < 10 ? "0\(value)" : String(value)
        }
        let seconds = msOfDay / 1000
        var text = "\(date)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if msOfDay % 1000 != 0 {
            let fraction = String(msOfDay % 1000)
            text += "." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
        return text + "Z"
    }
}
