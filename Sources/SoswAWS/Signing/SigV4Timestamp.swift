import SoswCore

/// The two date forms SigV4 uses: `20150830T123600Z` (X-Amz-Date, string to sign) and `20150830` (credential
/// scope, signing key). Made from an injected ``UnixTime`` so a signature is a pure function of its inputs.
public enum SigV4Timestamp {
    /// `YYYYMMDDTHHMMSSZ`, fractions of a second dropped.
    public static func amzDate(_ time: UnixTime) -> String {
        let seconds = time.nanoseconds >= 0
            ? time.wholeSeconds : (time.nanoseconds - 999_999_999) / 1_000_000_000
        return UnixTime(seconds: seconds).iso8601.filter { $0 != "-" && $0 != ":" }
    }

    /// `YYYYMMDD`: the date part of ``amzDate(_:)``.
    public static func scopeDate(_ time: UnixTime) -> String {
        String(amzDate(time).prefix(8))
    }

    /// Reads `YYYYMMDDTHHMMSSZ`; nil for anything else, including impossible dates.
    public static func parse(amzDate text: String) -> UnixTime? {
        let characters = Array(text)
        guard characters.count == 16, characters[8] == "T", characters[15] == "Z" else { return nil }
        let digits = characters[0..<8] + characters[9..<15]
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let d = String(digits)
        func part(_ from: Int, _ length: Int) -> Substring {
            let start = d.index(d.startIndex, offsetBy: from)
            return d[start..<d.index(start, offsetBy: length)]
        }
        let date = "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))"
        return UnixTime(iso8601: "\(date)T\(part(8, 2)):\(part(10, 2)):\(part(12, 2))Z")
    }
}
