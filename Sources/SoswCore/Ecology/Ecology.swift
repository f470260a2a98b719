import Logging
import Synchronization

/// sosw's EcologyManager: the health of each labourer from its CloudWatch metrics, and the count of its
/// running tasks, each read at most once per run.
///
/// Labourers sharing a metric share one `GetMetricStatistics` call per run. A metric whose window has no
/// datapoints follows its `on_missing_data` policy, for its own labourer only (sosw raised and aborted the
/// whole run; docs/sosw-compatibility.md); the last value seen is remembered across runs for `last_known`.
public final class Ecology: Sendable {
    let cloudWatch: any CloudWatch
    let wallClock: any WallClock
    let logger: Logger
    public let stats: StatsCounter
    /// `ecology_config.default_metric_values`.
    public let defaultMetricValues: [String: JSONValue]

    private struct State {
        /// Per run: metric cache key → reading.
        var readings: [String: MetricReading] = [:]
        /// Per run: labourer id → running tasks.
        var running: [String: Int] = [:]
        /// Across runs: metric cache key → last value with data.
        var lastKnown: [String: Double] = [:]
    }

    private let state = Mutex(State())

    public init(
        cloudWatch: any CloudWatch, wallClock: any WallClock, logger: Logger = .sosw, stats: StatsCounter = StatsCounter(),
        defaultMetricValues: [String: JSONValue] = MetricQuery.soswDefaults
    ) {
        self.cloudWatch = cloudWatch
        self.wallClock = wallClock
        self.logger = logger
        self.stats = stats
        self.defaultMetricValues = defaultMetricValues
    }

    /// Forgets this run's metric values and running counts (sosw's `register_task_manager`); keeps the last
    /// known values.
    public func beginRun() {
        state.withLock { state in
            state.readings.removeAll()
            state.running.removeAll()
        }
    }

    /// sosw's `get_labourer_status`: the worst status over the labourer's metrics; `high` without metrics.
    public func status(of labourer: Labourer) async throws -> EcoStatus {
        var worst = EcoStatus.high
        for metric in labourer.healthMetrics {
            if let status = metric.status(for: try await reading(of: metric, labourerID: labourer.id)) {
                worst = min(worst, status)
            }
        }
        return worst
    }

    /// The reading of one metric for this run, from the cache or one CloudWatch call.
    func reading(of metric: HealthMetric, labourerID: String) async throws -> MetricReading {
        let query = try metric.query(defaults: defaultMetricValues, now: wallClock.currentTime())
        if let cached = state.withLock({ $0.readings[query.cacheKey] }) { return cached }
        let output = try await cloudWatch.getMetricStatistics(try Ecology.request(for: query, metric: metric))
        let statistic = Statistic(rawValue: query.statistic.rawValue) ?? .average
        let values = output.datapoints.sorted { $0.timestamp < $1.timestamp }.compactMap { $0.value(of: statistic) }
        let reading: MetricReading
        if let value = query.statistic.aggregate(values) {
            reading = .value(value)
            state.withLock { $0.lastKnown[query.cacheKey] = value }
        } else {
            let lastKnown = state.withLock { $0.lastKnown[query.cacheKey] }
            reading = metric.onMissingData.resolve(lastKnown: lastKnown)
            stats.increment("metrics_without_data")
            logger.warning(
                "metric \(metric.name) of labourer \(labourerID) has no datapoints; on_missing_data \(metric.onMissingData.rawValue)")
        }
        state.withLock { $0.readings[query.cacheKey] = reading }
        return reading
    }

    /// sosw's `count_running_tasks_for_labourer`: counted once per run by `count`, then served from the cache
    /// (and raised by ``addRunningTasks(_:labourerID:)``).
    public func runningTasks(labourerID: String, count: () async throws -> Int) async throws -> Int {
        if let cached = state.withLock({ $0.running[labourerID] }) { return cached }
        let counted = try await count()
        return state.withLock { state in
            if let raced = state.running[labourerID] { return raced }
            state.running[labourerID] = counted
            return counted
        }
    }

    /// sosw's `add_running_tasks_for_labourer`: tasks invoked during the run count as running for the rest of
    /// it.
    public func addRunningTasks(_ count: Int, labourerID: String) {
        state.withLock { state in
            if state.running[labourerID] != nil { state.running[labourerID]! += count }
        }
    }

    /// The `GetMetricStatistics` request of a metric query.
    static func request(for query: MetricQuery, metric: HealthMetric) throws -> GetMetricStatisticsInput {
        let path = "health_metrics.\(metric.name).details"
        let parameters = ConfigNode(.object(query.parameters), path: path)
        let dimensions = try parameters["Dimensions"].elements().map { node in
            Dimension(name: try node["Name"].string(), value: try node["Value"].string())
        }
        let unit = try parameters["Unit"].optionalString()
        return GetMetricStatisticsInput(
            namespace: try parameters["Namespace"].string(), metricName: try parameters["MetricName"].string(),
            dimensions: dimensions.isEmpty ? nil : dimensions, startTime: query.startTime, endTime: query.endTime,
            period: try parameters["Period"].int(atLeast: 1),
            statistics: [Statistic(rawValue: query.statistic.rawValue) ?? .average],
            unit: try unit.map { text in
                guard let unit = StandardUnit(rawValue: text) else { throw parameters["Unit"].error("a CloudWatch unit") }
                return unit
            })
    }
}
