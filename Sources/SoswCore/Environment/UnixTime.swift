/// A point in time as sosw counts it: Unix time (UTC), kept in whole nanoseconds so arithmetic is exact and
/// simulated runs print the same digits on every machine.
///
/// sosw stores times as Unix seconds (`time.time()`): greenfields and markers truncated to integers,
/// `created_at` as a float. ``seconds`` and ``wholeSeconds`` give those two views.
public struct UnixTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public init(seconds: Int64) {
        self.nanoseconds = seconds * 1_000_000_000
    }

    /// Unix seconds as a floating-point number, as Python's `time.time()` returns them.
    public var seconds: Double {
        Double(nanoseconds) / 1_000_000_000
    }

    /// Unix seconds truncated towards zero, as sosw's `int(time.time())`.
    public var wholeSeconds: Int64 {
        nanoseconds / 1_000_000_000
    }

    /// Milliseconds since the epoch, truncated towards negative infinity.
    public var milliseconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000 : (nanoseconds - 999_999) / 1_000_000
    }

    public static func < (lhs: UnixTime, rhs: UnixTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public static func + (lhs: UnixTime, rhs: Duration) -> UnixTime {
        UnixTime(nanoseconds: lhs.nanoseconds + rhs.wholeNanoseconds)
    }

    public static func - (lhs: UnixTime, rhs: Duration) -> UnixTime {
        UnixTime(nanoseconds: lhs.nanoseconds - rhs.wholeNanoseconds)
    }

    public static func - (lhs: UnixTime, rhs: UnixTime) -> Duration {
        .nanoseconds(lhs.nanoseconds - rhs.nanoseconds)
    }

    /// Seconds with exactly three decimals (`1767578400.123`): the form of `t` in the event log.
    public var millisecondText: String {
        var text: [UInt8] = []
        writeMillisecondText(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``millisecondText`` as UTF-8 without building a `String`: the event log writes one per line.
    public func writeMillisecondText(to output: inout [UInt8]) {
        let ms = milliseconds
        let whole = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let fraction = ms - whole * 1000
        JSONValue.writeInteger(whole, to: &output)
        output.append(UInt8(ascii: "."))
        output.append(UInt8(ascii: "0") + UInt8(fraction / 100))
        output.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
        output.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    public var description: String { millisecondText }
}

extension Duration {
    /// The duration in whole nanoseconds, truncating attoseconds. Durations beyond ±292 years trap.
    public var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
