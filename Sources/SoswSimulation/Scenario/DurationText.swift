/// Durations as scenario files write them: a non-negative decimal number and a unit.
public enum DurationText {
    /// Parses `250ms`, `1.5s`, `90s`, `15m`, `2h`, `1d`; nil for anything else.
    public static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9), ("d", 86400e9),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let value = Double(number), value.isFinite
            else { return nil }
            return .nanoseconds(Int64((value * unit.nanoseconds).rounded()))
        }
        return nil
    }
}
