import SoswCore

/// One simulated metric (`metrics:`) over the run, per minute as CloudWatch reports it with a 60-second
/// period, and the labourers whose health reads it: what a planner holds against the feelings thresholds to
/// see why the Orchestrator invoked fewer workers than the cap.
public struct MetricFigures: Sendable, Hashable {
    public var namespace: String
    public var name: String
    /// Sorted by name.
    public var dimensions: [MetricDimension]
    /// The labourers' health metrics that read this metric, by labourer id then health metric name.
    public var readers: [MetricReader]
    /// One row per minute holding data.
    public var series: [MetricMinute]

    public init(
        namespace: String, name: String, dimensions: [MetricDimension], readers: [MetricReader],
        series: [MetricMinute]
    ) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions
        self.readers = readers
        self.series = series
    }

    /// `AWS/RDS CPUUtilization {DBInstanceIdentifier=main}`.
    public var label: String {
        let dimensions = dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        return "\(namespace) \(name) {\(dimensions)}"
    }

    /// The statistics its readers ask for, once each in ``SoswCore/MetricStatistic`` order; Average when
    /// nobody reads it.
    public var statistics: [MetricStatistic] {
        let read = Set(readers.map(\.statistic))
        return read.isEmpty ? [.average] : MetricStatistic.allCases.filter(read.contains)
    }
}

/// A labourer's health metric that reads a simulated metric, with the thresholds that turn its value into a
/// health level.
public struct MetricReader: Sendable, Hashable {
    public var labourerID: String
    /// The key under the labourer's `health_metrics`.
    public var healthMetric: String
    public var statistic: MetricStatistic
    /// `details.Period` in seconds.
    public var period: Int
    public var comparison: FeelingComparison
    /// Best level first, as the Ecology tries them.
    public var feelings: [MetricFeeling]

    public init(
        labourerID: String, healthMetric: String, statistic: MetricStatistic, period: Int,
        comparison: FeelingComparison, feelings: [MetricFeeling]
    ) {
        self.labourerID = labourerID
        self.healthMetric = healthMetric
        self.statistic = statistic
        self.period = period
        self.comparison = comparison
        self.feelings = feelings
    }
}

/// One threshold: a value meeting it (under the reader's comparison) gives at least this health level.
public struct MetricFeeling: Sendable, Hashable {
    public var level: Int
    public var threshold: Double

    public init(level: Int, threshold: Double) {
        self.level = level
        self.threshold = threshold
    }
}

/// One UTC minute of a metric: the four numbers every statistic derives from.
public struct MetricMinute: Sendable, Hashable {
    /// Minutes from the start of the run (the minute of the labourers' series when the start is on a whole
    /// minute, as CloudWatch's minutes are).
    public var minute: Int
    public var sampleCount: Double
    public var sum: Double
    public var minimum: Double
    public var maximum: Double

    public init(minute: Int, sampleCount: Double, sum: Double, minimum: Double, maximum: Double) {
        self.minute = minute
        self.sampleCount = sampleCount
        self.sum = sum
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The value of `statistic` over the minute.
    public func value(_ statistic: MetricStatistic) -> Double {
        switch statistic {
        case .average: sum / sampleCount
        case .maximum: maximum
        case .minimum: minimum
        case .sum: sum
        case .sampleCount: sampleCount
        }
    }
}

extension MetricFigures {
    /// The figures of every metric of `scenario`, in declaration order, from what `cloudWatch` holds at `end`.
    static func collect(
        scenario: Scenario, configuration: SoswConfiguration, cloudWatch: SimulatedCloudWatch, end: UnixTime
    ) -> [MetricFigures] {
        let readers = Self.readers(of: configuration.taskManager, at: end)
        return scenario.metrics.map { metric in
            let identity = MetricIdentity(
                namespace: metric.namespace, metricName: metric.name,
                dimensions: metric.dimensions.map { Dimension(name: $0.name, value: $0.value) })
            let series = cloudWatch.minuteStatistics(of: identity, from: scenario.start, through: end).map { minute, statistics in
                MetricMinute(
                    minute: Int(((minute - scenario.start).components.seconds).floorDivided(by: 60)),
                    sampleCount: statistics.sampleCount, sum: statistics.sum, minimum: statistics.minimum,
                    maximum: statistics.maximum)
            }
            return MetricFigures(
                namespace: metric.namespace, name: metric.name, dimensions: metric.dimensions,
                readers: readers[identity] ?? [], series: series)
        }
    }

    /// Every labourer's health metric by the metric it reads, with the configuration's default parameters.
    private static func readers(of config: TaskManagerConfig, at now: UnixTime) -> [MetricIdentity: [MetricReader]] {
        var readers: [MetricIdentity: [MetricReader]] = [:]
        for labourer in config.labourers.sorted(by: { $0.id < $1.id }) {
            for health in labourer.healthMetrics.sorted(by: { $0.name < $1.name }) {
                guard let query = try? health.query(defaults: config.defaultMetricValues, now: now),
                    let namespace = query.parameters["Namespace"]?.stringValue,
                    let name = query.parameters["MetricName"]?.stringValue
                else { continue }
                let dimensions = (query.parameters["Dimensions"]?.arrayValue ?? []).compactMap { entry -> Dimension? in
                    guard let name = entry["Name"]?.stringValue, let value = entry["Value"]?.stringValue else { return nil }
                    return Dimension(name: name, value: value)
                }
                let identity = MetricIdentity(namespace: namespace, metricName: name, dimensions: dimensions)
                readers[identity, default: []].append(MetricReader(
                    labourerID: labourer.id, healthMetric: health.name, statistic: query.statistic,
                    period: Int(query.parameters["Period"]?.intValue ?? 60), comparison: health.comparison,
                    feelings: health.feelings.map { MetricFeeling(level: $0.status.rawValue, threshold: $0.threshold) }))
            }
        }
        return readers
    }
}

extension Int64 {
    /// The quotient rounded towards minus infinity (a time before the start falls in a negative minute).
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        self >= 0 ? self / divisor : (self - divisor + 1) / divisor
    }
}
