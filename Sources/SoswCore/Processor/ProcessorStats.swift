/// A Processor's statistics (sosw's `self.stats`): counters and values the function records, and the totals
/// of the container's earlier invocations.
///
/// ``reset()`` is sosw's `reset_stats`: every numeric value is added into `total_<name>` and removed; values
/// whose name starts with `total_` or is listed in `lifetime_stats_params` stay as they are; other values go.
public struct ProcessorStats: Hashable, Sendable {
    public private(set) var values: [String: JSONValue] = [:]
    /// `lifetime_stats_params`: kept across resets as they are, never folded into a total.
    public let lifetimeNames: Set<String>

    public init(lifetimeNames: Set<String> = []) {
        self.lifetimeNames = lifetimeNames
    }

    /// Adds `amount` to a counter (sosw's `stats[name] += amount` on a `defaultdict(int)`).
    public mutating func increment(_ name: String, by amount: Int64 = 1) {
        values[name] = ProcessorStats.sum(values[name] ?? 0, .int(amount))
    }

    /// Adds a fractional amount, such as seconds spent (sosw's `time_<method>`).
    public mutating func add(_ name: String, _ amount: Double) {
        values[name] = ProcessorStats.sum(values[name] ?? 0, .double(amount))
    }

    /// Sets a value of any kind.
    public mutating func set(_ name: String, to value: JSONValue) {
        values[name] = value
    }

    /// sosw's `reset_stats`.
    public mutating func reset() {
        var kept = values.filter { isKept($0.key) }
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where !isKept(name) && value.doubleValue != nil {
            kept["total_\(name)"] = ProcessorStats.sum(kept["total_\(name)"] ?? 0, value)
        }
        values = kept
    }

    /// What this invocation recorded: every value but the totals and the lifetime values, which describe the
    /// container rather than the task (sosw sent those to the WorkerAssistant as well).
    public var invocationValues: [String: JSONValue] {
        values.filter { !isKept($0.key) }
    }

    private func isKept(_ name: String) -> Bool {
        name.hasPrefix("total_") || lifetimeNames.contains(name)
    }

    /// Integers add as integers while they fit; anything else as doubles; a non-number is replaced.
    static func sum(_ base: JSONValue, _ amount: JSONValue) -> JSONValue {
        if case .int(let left) = base, case .int(let right) = amount {
            let (total, overflow) = left.addingReportingOverflow(right)
            if !overflow { return .int(total) }
        }
        guard let left = base.doubleValue, let right = amount.doubleValue else { return amount }
        return .double(left + right)
    }
}
