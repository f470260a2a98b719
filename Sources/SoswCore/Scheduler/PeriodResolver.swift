/// Turns a job's `period` into its `date_list`: the built-in ``SchedulePeriod``s, then the
/// `custom_period_patterns` of the configuration.
///
/// In sosw a custom pattern names a method of a Scheduler subclass (the pattern with its first `[0-9]+` replaced by
/// `x`). Here the same name looks up a handler registered in code, so configurations stay interchangeable.
public struct PeriodResolver: Sendable {
    /// A custom period handler: receives the period text and today's date, returns the `date_list` strings.
    public typealias Handler = @Sendable (_ period: String, _ today: CivilDate) -> [String]

    private let customPatterns: [(pattern: String, handler: Handler)]

    /// - Parameters:
    ///   - customPatterns: regular expressions from `custom_period_patterns`, tried in order after the built-ins.
    ///   - handlers: handlers by name (the pattern with its first `[0-9]+` replaced by `x`).
    public init(customPatterns: [String] = [], handlers: [String: Handler] = [:]) throws {
        var resolved: [(String, Handler)] = []
        for (index, pattern) in customPatterns.enumerated() {
            let path = "custom_period_patterns[\(index)]"
            do {
                _ = try Regex(pattern)
            } catch {
                throw ConfigError(path: path, value: .string(pattern), expectation: "a valid regular expression")
            }
            let name = PeriodResolver.handlerName(for: pattern)
            guard let handler = handlers[name] else {
                throw ConfigError(path: path, value: .string(pattern),
                                  expectation: "a pattern with a registered handler named `\(name)`; registered: "
                                      + handlers.keys.sorted().joined(separator: ", "))
            }
            resolved.append((pattern, handler))
        }
        self.customPatterns = resolved
    }

    /// sosw's method name for a pattern: the first literal `[0-9]+` in its text replaced by `x`.
    public static func handlerName(for pattern: String) -> String {
        guard let range = pattern.firstRange(of: "[0-9]+") else { return pattern }
        var name = pattern
        name.replaceSubrange(range, with: "x")
        return name
    }

    /// The `date_list` for `period` on `today` (dates as `YYYY-MM-DD`, oldest first for the built-ins).
    public func dates(for period: String, today: CivilDate) throws -> [String] {
        if let builtIn = SchedulePeriod(period) {
            return builtIn.dates(today: today).map(\.description)
        }
        for (pattern, handler) in customPatterns {
            if let regex = try? Regex(pattern), period.prefixMatch(of: regex) != nil {
                return handler(period, today)
            }
        }
        throw InvalidJob(
            "unsupported period `\(period)`: expected last_N_days, N_days_back, yesterday, today, previous_N_days, "
                + "last_week" + customPatterns.map { ", \($0.pattern)" }.joined())
    }
}
