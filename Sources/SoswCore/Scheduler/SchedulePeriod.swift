/// The `period` grammar of a Scheduler job, turned into the job's `date_list`.
///
/// Patterns are tried in sosw's order and, like Python's `re.match`, match at the start of the text only:
/// `last_N_days`, `N_days_back`, `yesterday`, `today`, `previous_N_days`, `last_week`, then custom patterns.
public enum SchedulePeriod: Hashable, Sendable {
    /// The N days before today, oldest first (today excluded).
    case lastDays(Int)
    /// The single day N days before today.
    case daysBack(Int)
    case yesterday
    case today
    /// The N days just before the `last_N_days` window: today−2N … today−N−1.
    case previousDays(Int)
    /// The most recent complete Sunday…Saturday week. On a Sunday that is the week that ended yesterday
    /// (sosw returned the week before it; docs/sosw-compatibility.md).
    case lastWeek

    /// The built-in period `text` starts with, or `nil`.
    public init?(_ text: String) {
        if let count = SchedulePeriod.number(in: text, after: "last_", before: "_days") {
            self = .lastDays(count)
        } else if let count = SchedulePeriod.number(in: text, after: "", before: "_days_back") {
            self = .daysBack(count)
        } else if text.hasPrefix("yesterday") {
            self = .yesterday
        } else if text.hasPrefix("today") {
            self = .today
        } else if let count = SchedulePeriod.number(in: text, after: "previous_", before: "_days") {
            self = .previousDays(count)
        } else if text.hasPrefix("last_week") {
            self = .lastWeek
        } else {
            return nil
        }
    }

    /// The days of this period, oldest first.
    public func dates(today: CivilDate) -> [CivilDate] {
        switch self {
        case .lastDays(let count):
            return stride(from: count, to: 0, by: -1).map { today.adding(days: -$0) }
        case .daysBack(let count):
            return [today.adding(days: -count)]
        case .yesterday:
            return [today.adding(days: -1)]
        case .today:
            return [today]
        case .previousDays(let count):
            return stride(from: count, to: 0, by: -1).map { today.adding(days: -count - $0) }
        case .lastWeek:
            let daysSinceSunday = (today.weekdayFromMonday + 1) % 7
            let sunday = today.adding(days: -(daysSinceSunday + 7))
            return (0..<7).map { sunday.adding(days: $0) }
        }
    }

    /// The digits of `text` between `prefix` and `suffix` when `text` starts with `prefix`, digits, `suffix`.
    private static func number(in text: String, after prefix: String, before suffix: String) -> Int? {
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.dropFirst(prefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(suffix) else { return nil }
        return Int(digits)
    }
}
