/// A key condition on the `greenfield` range key, kept as data so the TaskManager can render it into a
/// KeyConditionExpression and a test (or a fake) can check membership without parsing text.
public enum GreenfieldRange: Hashable, Sendable {
    /// `greenfield < limit`
    case below(Limit)
    /// `greenfield <= limit`
    case atMost(Limit)
    /// `greenfield >= limit`
    case atLeast(Limit)
    /// `greenfield BETWEEN lower AND upper`, both ends included.
    case between(Limit, Limit)

    /// One end of a range. sosw compares most windows with integer markers but the queue and completed
    /// queries with the fractional `time.time()`; both are kept exact.
    public enum Limit: Hashable, Sendable {
        case greenfield(Greenfield)
        case time(UnixTime)

        /// The DynamoDB `N` text: an integer, or seconds with up to nine decimals and no trailing zeros.
        public var numberText: String {
            switch self {
            case .greenfield(let value):
                return value.numberText
            case .time(let time):
                return Limit.decimalSeconds(time)
            }
        }

        /// The smallest greenfield that is `>=` this limit.
        var ceilingGreenfield: Int64 {
            switch self {
            case .greenfield(let value): value.rawValue
            case .time(let time): Limit.ceilingSeconds(time)
            }
        }

        /// The largest greenfield that is `<=` this limit.
        var floorGreenfield: Int64 {
            switch self {
            case .greenfield(let value): value.rawValue
            case .time(let time): Limit.floorSeconds(time)
            }
        }

        private static func floorSeconds(_ time: UnixTime) -> Int64 {
            let (quotient, remainder) = time.nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
            return remainder < 0 ? quotient - 1 : quotient
        }

        private static func ceilingSeconds(_ time: UnixTime) -> Int64 {
            let (quotient, remainder) = time.nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
            return remainder > 0 ? quotient + 1 : quotient
        }

        private static func decimalSeconds(_ time: UnixTime) -> String {
            let magnitude = time.nanoseconds.magnitude
            let whole = magnitude / 1_000_000_000
            var fraction = String(magnitude % 1_000_000_000)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            let sign = time.nanoseconds < 0 ? "-" : ""
            return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
        }
    }

    /// Whether a task with this greenfield satisfies the condition.
    public func contains(_ greenfield: Greenfield) -> Bool {
        let value = greenfield.rawValue
        switch self {
        case .below(let limit):
            return value < limit.ceilingGreenfield
        case .atMost(let limit):
            return value <= limit.floorGreenfield
        case .atLeast(let limit):
            return value >= limit.ceilingGreenfield
        case .between(let lower, let upper):
            return value >= lower.ceilingGreenfield && value <= upper.floorGreenfield
        }
    }

    /// The condition as expression text on `attribute` (a name or `#placeholder`), with value placeholders
    /// built from `valuePrefix` and their `N` texts, ready for a KeyConditionExpression.
    public func keyCondition(attribute: String, valuePrefix: String) -> (expression: String, numbers: [String: String]) {
        let first = ":\(valuePrefix)"
        switch self {
        case .below(let limit):
            return ("\(attribute) < \(first)", [first: limit.numberText])
        case .atMost(let limit):
            return ("\(attribute) <= \(first)", [first: limit.numberText])
        case .atLeast(let limit):
            return ("\(attribute) >= \(first)", [first: limit.numberText])
        case .between(let lower, let upper):
            let low = ":\(valuePrefix)_low"
            let high = ":\(valuePrefix)_high"
            return ("\(attribute) BETWEEN \(low) AND \(high)", [low: lower.numberText, high: upper.numberText])
        }
    }
}
