/// ISO-8601 / RFC 3339 UTC timestamps (`2026-01-05T02:00:00Z`, optional fraction), the form scenario files and
/// reports use. Parsed and printed by hand: no Foundation calendar, no locale, no time zone database.
extension UnixTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (UTC only); nil when the text is not of that form or names an
    /// impossible date.
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
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), day >= 1, day <= UnixTime.daysIn(month: month, year: year),
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
        let days = UnixTime.daysFromCivil(year: year, month: month, day: day)
        self.init(nanoseconds: ((days * 24 + hour) * 60 + minute) * 60_000_000_000 + second * 1_000_000_000 + nanos)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` when the time has milliseconds.
    public var iso8601: String {
        let ms = milliseconds
        let daysSinceEpoch = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let msOfDay = ms - daysSinceEpoch * 86_400_000
        let (year, month, day) = UnixTime.civil(fromDays: daysSinceEpoch)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let seconds = msOfDay / 1000
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):"
        text += "\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if msOfDay % 1000 != 0 { text += "." + pad(msOfDay % 1000, 3) }
        return text + "Z"
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (the inverse of `daysFromCivil`).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
