import SoswCore

/// The ranges every scenario value must fall in, in one place, so that a run's clock, counters and memory stay
/// far from the limits of their types: times are nanoseconds in an `Int64` (about 1677 to 2262), and a
/// scenario that asked for more would otherwise trap in the middle of a run instead of failing at load.
///
/// With a start no later than ``latestStart`` and every duration at most ``longestDuration``, the end of a
/// run (start + stop), an essential's next firing (start + offset + every + jitter) and any drawn latency stay
/// decades inside the representable range.
public enum ScenarioLimits {
    /// The longest duration any key accepts (periods, spans, offsets, latencies, CSV durations): 3650 days.
    public static let longestDuration: Duration = .seconds(3650 * 86_400)
    /// The shortest period (`every`, a sine's `period`): the simulated clock's useful resolution. Shorter
    /// periods would fire millions of times per simulated second and exhaust memory, not model anything.
    public static let shortestPeriod: Duration = .milliseconds(1)
    /// The earliest `start` (and CSV timestamp): the Unix epoch.
    public static let earliestTime = UnixTime(seconds: 0)
    /// The latest `start`: 2200-01-01T00:00:00Z.
    public static let latestStart = UnixTime(seconds: 7_258_118_400)
    /// The latest time a CSV replay may name: the latest start plus the longest run.
    public static let latestTime = latestStart + longestDuration
    /// Tasks one `load` entry may create at a time (`tasks.count`).
    public static let tasksPerLoadEntry: ClosedRange<Int64> = 1...10_000_000
    /// The highest rate a `rate` load may name (`per_minute`, each end of a ramp or step, a sine's mean), in
    /// tasks per minute: about 16,700 a second.
    public static let tasksPerMinute = 1_000_000.0
    /// The kernel contention workload's sizes (`workload.workers`, `iterations`, `keys`): each key and each
    /// iteration is held in memory.
    public static let kernelWorkers = 1...10_000
    public static let kernelIterations = 1...10_000_000
    public static let kernelKeys = 1...10_000_000

    /// Whether `name` can name a scenario: it becomes a folder under `reports/`, so it must be a plain file
    /// name (ASCII letters, digits, `-`, `_`, `.`; not `.` or `..`) and never a path.
    public static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.count <= 200
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }

    static let plainFileNameText = "a plain file name: letters, digits, '-', '_' and '.', not '.' or '..', at most 200 characters"

    /// How ``longestDuration`` reads in messages.
    static let longestDurationText = "3650d (10 years)"
    /// The years a timestamp may name: a well-formed time outside them is out of range, not malformed.
    static let years = 1970...2210

    /// A UTC ISO-8601 time within ``earliestTime``...`latest`; `.outOfRange` for a well-formed time outside it.
    static func time(iso8601 text: String, latest: UnixTime) -> TimeReading {
        let digits = text.prefix(4)
        guard text.count >= 20, text.dropFirst(4).first == "-", digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(digits)
        else {
            return .malformed
        }
        guard years.contains(year) else { return .outOfRange }
        guard let time = UnixTime(iso8601: text) else { return .malformed }
        return (earliestTime...latest).contains(time) ? .time(time) : .outOfRange
    }

    /// Epoch seconds as a time within ``earliestTime``...`latest`; nil for non-finite or out-of-range values.
    static func time(epochSeconds seconds: Double, latest: UnixTime) -> UnixTime? {
        guard seconds.isFinite, seconds >= 0, seconds <= latest.seconds else { return nil }
        return UnixTime(nanoseconds: Int64((seconds * 1e9).rounded()))
    }

    enum TimeReading {
        case time(UnixTime)
        case malformed
        case outOfRange
    }

    /// The allowed range of times, for messages.
    static func timeRangeText(latest: UnixTime) -> String {
        "from \(earliestTime.iso8601) to \(latest.iso8601)"
    }
}
