/// Durations as scenario files write them: a non-negative decimal number and a unit.
public enum DurationText {
    /// Parses `250ms`, `1.5s`, `90s`, `15m`, `2h`, `1d`; nil for anything else and for durations too long to
    /// count in nanoseconds (about 292 years). Range checks against ``ScenarioLimits`` are the caller's.
    public static func parse(_ text: String) -> Duration? {
        guard let nanoseconds = nanoseconds(text)?.rounded(), nanoseconds < 0x1p63 else { return nil }
        return .nanoseconds(Int64(nanoseconds))
    }

    /// The nanoseconds `text` stands for, unrounded and of any size; nil when it is not a number and a unit.
    static func nanoseconds(_ text: String) -> Double? {
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9), ("d", 86400e9),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let value = Double(number), value.isFinite
            else { return nil }
            return value * unit.nanoseconds
        }
        return nil
    }

    /// The way back: `2h 3m 4.5s`, `45m`, `0s`, to show measured durations as the files write them.
    public static func format(_ duration: Duration) -> String {
        let total = (duration.secondsValue * 1000).rounded() / 1000
        guard total > 0 else { return "0s" }
        var parts: [String] = []
        var rest = total
        for (unit, size) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where rest >= size {
            let whole = (rest / size).rounded(.down)
            parts.append("\(Int(whole))\(unit)")
            rest -= whole * size
        }
        if rest > 0.0005 || parts.isEmpty {
            let seconds = (rest * 1000).rounded() / 1000
            parts.append(seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s")
        }
        return parts.joined(separator: " ")
    }
}
