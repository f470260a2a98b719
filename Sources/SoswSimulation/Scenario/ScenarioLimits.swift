import Foundation
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

// MARK: The size of a whole run

extension ScenarioLimits {
    /// Memory a run holds per task it creates, measured with `/usr/bin/time -v` on release builds with
    /// `--events none`: 100,000 tasks peaked 279 MB above 10,000 tasks, about 3.2 KB a task (the task's items
    /// in the DynamoDB fake, its row of `tasks.csv`, its tallies).
    public static let bytesPerTask: Double = 3_200
    /// Essential and load firings a run may simulate (`every: 1ms` for ten years is 3 × 10^11). Firings hold
    /// no memory of their own but take time: measured at about 25,000 a second (release build, two events each),
    /// so this many is about eleven hours of wall time.
    public static let mostFirings: Double = 1_000_000_000
    /// Firings a second a release build simulates, for the wall time in messages.
    static let firingsPerSecond: Double = 25_000
    /// The environment variable that turns the size checks off, for a user who knows the run fits.
    public static let sizeCheckOverride = "SOSW_IGNORE_SIZE_ESTIMATE"

    /// The physical memory a loaded scenario is held to: the machine's, or nil when ``sizeCheckOverride`` is
    /// set to `1` (the size checks are then skipped). Read from `/proc/meminfo` on Linux.
    public static func memoryToCheck(environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64? {
        if environment[sizeCheckOverride] == "1" { return nil }
        if let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8), let total = memTotal(meminfo) {
            return total
        }
        return ProcessInfo.processInfo.physicalMemory
    }

    /// `MemTotal` of a `/proc/meminfo` text, in bytes.
    static func memTotal(_ meminfo: String) -> UInt64? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kibibytes = UInt64(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }

    /// How much work a scenario asks for, as far as the scenario says: the tasks its `tasks` and `rate` loads
    /// create (a Scheduler `job` chunks into a number of tasks only the Scheduler knows, counted as none) and
    /// the firings of its essentials and repeating loads within the run's time limit.
    public struct WorkEstimate: Sendable, Hashable {
        public var tasks: Double
        /// The key path of the load entry that creates the most tasks.
        public var largestLoad: String?
        public var firings: Double
        /// The key path of the schedule that fires most often.
        public var busiestSchedule: String?

        public var bytes: Double { tasks * ScenarioLimits.bytesPerTask }
    }

    public static func workEstimate(of scenario: Scenario) -> WorkEstimate {
        let span = scenario.stop.limit
        var estimate = WorkEstimate(tasks: 0, firings: 0)
        var mostTasks = 0.0
        var mostFirings = 0.0
        func count(firings: Double, path: String) {
            estimate.firings += firings
            if firings > mostFirings { (mostFirings, estimate.busiestSchedule) = (firings, path) }
        }
        for schedule in scenario.essentials {
            count(firings: firings(every: schedule.every, from: schedule.offset, until: span),
                  path: "essentials.\(schedule.essential.rawValue).every")
        }
        for (index, entry) in scenario.load.enumerated() {
            let path = "load[\(index)]"
            let firings: Double
            switch entry.trigger {
            case .at(let offset):
                firings = offset <= span ? 1 : 0
            case .every(let period, let from, let until):
                firings = self.firings(every: period, from: from, until: min(until ?? span, span))
                count(firings: firings, path: "\(path).every")
            }
            let tasks = firings * tasksPerFiring(entry.work, span: span)
            estimate.tasks += tasks
            if tasks > mostTasks { (mostTasks, estimate.largestLoad) = (tasks, path) }
        }
        return estimate
    }

    /// Refuses a scenario whose tasks would not fit in `memory` bytes, or whose firings exceed ``mostFirings``,
    /// with the estimate and what to change; `memory` nil skips both checks (``sizeCheckOverride``).
    public static func checkSize(of scenario: Scenario, file: String, memory: UInt64?) throws(ScenarioError) {
        guard let memory else { return }
        let estimate = workEstimate(of: scenario)
        let override = "or set \(sizeCheckOverride)=1 to run it anyway"
        if estimate.bytes > Double(memory) {
            throw ScenarioError(
                file: file, line: nil, keyPath: estimate.largestLoad ?? "load",
                problem: "the load creates about \(count(estimate.tasks)) tasks within the run's \(DurationText.format(scenario.stop.limit)), "
                    + "which would need about \(bytes(estimate.bytes)) of memory (\(bytes(bytesPerTask)) a task), "
                    + "more than this machine's \(bytes(Double(memory))); lower the load or shorten the run, \(override)")
        }
        if estimate.firings > mostFirings {
            throw ScenarioError(
                file: file, line: nil, keyPath: estimate.busiestSchedule ?? "essentials",
                problem: "the schedules fire about \(count(estimate.firings)) times within the run's \(DurationText.format(scenario.stop.limit)), "
                    + "about \(wallTime(estimate.firings / firingsPerSecond)) of wall time at \(count(firingsPerSecond)) firings a second; "
                    + "at most \(count(mostFirings)) are simulated: lengthen the period or shorten the run, \(override)")
        }
    }

    /// Firings of a timer that fires at `from`, then every `period`, while at most `until`.
    private static func firings(every period: Duration, from: Duration, until: Duration) -> Double {
        guard period > .zero, from <= until else { return 0 }
        return ((until - from).secondsValue / period.secondsValue).rounded(.down) + 1
    }

    /// Tasks one firing of a load creates: a batch's count, or a rate's mean over its span.
    private static func tasksPerFiring(_ work: LoadWork, span: Duration) -> Double {
        switch work {
        case .job: return 0
        case .tasks(let batch): return Double(batch.count)
        case .rate(let rate):
            let over = min(rate.over, span)
            return meanPerMinute(rate.perMinute, over: over) * over.secondsValue / 60
        }
    }

    private static func meanPerMinute(_ curve: RateCurve, over: Duration) -> Double {
        switch curve {
        case .constant(let rate): return rate
        case .ramp(let from, let to): return (from + to) / 2
        case .sine(let mean, _, _): return mean
        case .step(let steps):
            guard over > .zero else { return steps.map(\.value).max() ?? 0 }
            var total = 0.0
            for (index, step) in steps.enumerated() where step.offset < over {
                let end = index + 1 < steps.count ? min(steps[index + 1].offset, over) : over
                total += step.value * max(0, (end - step.offset).secondsValue)
            }
            return total / over.secondsValue
        }
    }

    private static func count(_ value: Double) -> String {
        value >= 1e6 ? String(format: "%.3g", value) : String(Int64(value.rounded()))
    }

    private static func bytes(_ value: Double) -> String {
        let units = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (size, unit) in units where value >= size {
            return "\(String(format: "%.1f", value / size)) \(unit)"
        }
        return "\(Int64(value)) bytes"
    }

    private static func wallTime(_ seconds: Double) -> String {
        if seconds >= 2 * 86_400 { return "\(Int64(seconds / 86_400)) days" }
        if seconds >= 2 * 3600 { return "\(Int64(seconds / 3600)) hours" }
        return "\(Int64(seconds / 60)) minutes"
    }
}
