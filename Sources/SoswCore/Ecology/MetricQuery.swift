/// The CloudWatch `GetMetricStatistics` request of one health metric for one run, before any port is involved.
public struct MetricQuery: Hashable, Sendable {
    /// The request parameters (Namespace, MetricName, Dimensions, Period, Statistics, …) with the Ecology's
    /// `default_metric_values` filled in; `MetricAggregationTimeSlice` is consumed into the window.
    public var parameters: [String: JSONValue]
    public var statistic: MetricStatistic
    public var startTime: UnixTime
    public var endTime: UnixTime
    /// Identifies the metric for the per-run cache: labourers sharing a metric share one CloudWatch call.
    /// The configured details serialised with sorted keys, so equal details give equal keys.
    public var cacheKey: String

    /// sosw's `default_metric_values`.
    public static let soswDefaults: [String: JSONValue] = [
        "Period": 60, "Statistics": ["Average"], "MetricAggregationTimeSlice": 300,
    ]
}

extension HealthMetric {
    /// The request for the window of `MetricAggregationTimeSlice` seconds ending at `now`.
    ///
    /// `Name` is accepted for `MetricName` because sosw's docs and comments use it while boto needs
    /// `MetricName`.
    public func query(defaults: [String: JSONValue] = MetricQuery.soswDefaults, now: UnixTime) throws -> MetricQuery {
        let path = "health_metrics.\(name).details"
        var parameters = details
        for (key, value) in defaults where parameters[key] == nil {
            parameters[key] = value
        }
        if parameters["MetricName"] == nil, let alias = parameters.removeValue(forKey: "Name") {
            parameters["MetricName"] = alias
        }
        let statistics = ConfigNode(parameters["Statistics"], path: "\(path).Statistics")
        let names = try statistics.elements()
        let supported = MetricStatistic.allCases.map(\.rawValue).joined(separator: ", ")
        guard names.count == 1, let name = names[0].value?.stringValue, let statistic = MetricStatistic(rawValue: name)
        else {
            throw statistics.error("a list of exactly one statistic (\(supported))")
        }
        let slice = try ConfigNode(parameters.removeValue(forKey: "MetricAggregationTimeSlice"),
                                   path: "\(path).MetricAggregationTimeSlice").int(atLeast: 1)
        return MetricQuery(
            parameters: parameters,
            statistic: statistic,
            startTime: now - .seconds(slice),
            endTime: now,
            cacheKey: JSONValue.object(details).serialized()
        )
    }
}
