/// The one number that holds a task's state in `sosw_tasks` (DynamoDB `N`, integer semantics).
///
/// A distinct type rather than a bare `Int64` because greenfields live on two scales at once: queued tasks hold
/// small positions (`k × 1000`, retries below the head, even negative), invoked tasks hold "invocation time plus
/// a year". Keeping it apart from ``UnixTime`` makes every crossing between the two scales explicit.
public struct Greenfield: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// The greenfield whose value equals the whole Unix seconds of `time` (sosw's `int(time.time())`).
    public init(truncating time: UnixTime) {
        self.rawValue = time.wholeSeconds
    }

    public static func < (lhs: Greenfield, rhs: Greenfield) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Moves the greenfield by a whole number of seconds; sub-second parts are dropped as sosw does with `int()`.
    public static func + (lhs: Greenfield, rhs: Duration) -> Greenfield {
        Greenfield(lhs.rawValue + rhs.components.seconds)
    }

    public static func - (lhs: Greenfield, rhs: Duration) -> Greenfield {
        Greenfield(lhs.rawValue - rhs.components.seconds)
    }

    /// The DynamoDB `N` text of this value.
    public var numberText: String { String(rawValue) }

    public var description: String { numberText }
}
