/// One health metric of a labourer (`labourers.<id>.health_metrics.<name>`): which CloudWatch statistic to read
/// and how its value maps to an ``EcoStatus``.
public struct HealthMetric: Hashable, Sendable {
    /// The key under `health_metrics`.
    public var name: String
    /// `GetMetricStatistics` parameters (Namespace, MetricName, Dimensions, Period, Statistics,
    /// MetricAggregationTimeSlice), as configured; defaults are filled in by ``query(defaults:now:)``.
    public var details: [String: JSONValue]
    /// Thresholds per status, best status first. A value meeting a threshold gets that status; none → `bad`.
    public var feelings: [(status: EcoStatus, threshold: Double)]
    public var comparison: FeelingComparison
    public var onMissingData: MissingDataPolicy

    public init(
        name: String,
        details: [String: JSONValue],
        feelings: [EcoStatus: Double],
        comparison: FeelingComparison,
        onMissingData: MissingDataPolicy = .bad
    ) {
        self.name = name
        self.details = details
        self.feelings = feelings.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
        self.comparison = comparison
        self.onMissingData = onMissingData
    }

    /// Parses one `health_metrics` entry. Feelings must be ordered so a better status has a stricter threshold
    /// (for `<=`, smaller); sosw's check also compared the first threshold with 0, which made `>=` unusable.
    public init(name: String, config node: ConfigNode) throws {
        guard let details = node["details"].value?.objectValue else {
            throw node["details"].error("an object of CloudWatch GetMetricStatistics parameters")
        }
        let operatorNode = node["feeling_comparison_operator"]
        let operatorName = try operatorNode.string()
        guard let comparison = FeelingComparison(configName: operatorName) else {
            throw operatorNode.error("one of <=, <, >=, > or __le__, le, __lt__, lt, __ge__, ge, __gt__, gt")
        }
        var feelings: [EcoStatus: Double] = [:]
        let feelingMembers = try node["feelings"].members()
        if feelingMembers.isEmpty { throw node["feelings"].error("an object mapping statuses 0-4 to thresholds") }
        for (key, threshold) in feelingMembers {
            guard let raw = Int(key), let status = EcoStatus(rawValue: raw) else {
                throw ConfigError(path: threshold.path, value: .string(key), expectation: "a status key 0, 1, 2, 3 or 4")
            }
            feelings[status] = try threshold.double()
        }
        let missingNode = node["on_missing_data"]
        let missingName = try missingNode.string(default: MissingDataPolicy.bad.rawValue)
        guard let onMissingData = MissingDataPolicy(rawValue: missingName) else {
            throw missingNode.error("one of bad, ignore, last_known")
        }
        self.init(name: name, details: details, feelings: feelings, comparison: comparison, onMissingData: onMissingData)
        for (better, worse) in zip(self.feelings, self.feelings.dropFirst())
        where comparison.holds(worse.threshold, better.threshold) {
            throw ConfigError(
                path: node["feelings"].path, value: node["feelings"].value,
                expectation: "thresholds where a better status is stricter under \(comparison.rawValue): status "
                    + "\(worse.status.rawValue) has \(worse.threshold), which already satisfies "
                    + "\(comparison.rawValue) \(better.threshold) of status \(better.status.rawValue)")
        }
    }

    /// sosw's `get_health`: the best status whose threshold the value meets, else `bad`.
    public func status(for value: Double) -> EcoStatus {
        feelings.first { comparison.holds(value, $0.threshold) }?.status ?? .bad
    }

    /// The status this metric contributes, or `nil` when it is left out (``MissingDataPolicy/ignore``).
    public func status(for reading: MetricReading) -> EcoStatus? {
        switch reading {
        case .value(let value): status(for: value)
        case .forcedStatus(let status): status
        case .ignored: nil
        }
    }

    public static func == (lhs: HealthMetric, rhs: HealthMetric) -> Bool {
        lhs.name == rhs.name && lhs.details == rhs.details && lhs.comparison == rhs.comparison
            && lhs.onMissingData == rhs.onMissingData
            && lhs.feelings.map(\.status) == rhs.feelings.map(\.status)
            && lhs.feelings.map(\.threshold) == rhs.feelings.map(\.threshold)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(details)
    }
}
