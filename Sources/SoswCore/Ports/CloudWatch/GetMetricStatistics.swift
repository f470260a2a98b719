/// A `GetMetricStatistics` request, as sosw's health metrics spell it (`details` in the labourer config).
public struct GetMetricStatisticsInput: Sendable, Equatable, Codable {
    public var namespace: String
    public var metricName: String
    /// Must be exactly the dimensions the metric was published with.
    public var dimensions: [Dimension]?
    /// Inclusive; rounded down to the minute (5 minutes past 15 days, the hour past 63 days) by the service.
    public var startTime: UnixTime
    /// Exclusive.
    public var endTime: UnixTime
    /// Seconds per datapoint: 1, 5, 10, 20, 30 or a multiple of 60.
    public var period: Int
    public var statistics: [Statistic]?
    /// Percentiles (`p99`); accepted in the shape, not computed by the simulator.
    public var extendedStatistics: [String]?
    public var unit: StandardUnit?

    public init(
        namespace: String, metricName: String, dimensions: [Dimension]? = nil, startTime: UnixTime,
        endTime: UnixTime, period: Int, statistics: [Statistic]? = nil, extendedStatistics: [String]? = nil,
        unit: StandardUnit? = nil
    ) {
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.startTime = startTime
        self.endTime = endTime
        self.period = period
        self.statistics = statistics
        self.extendedStatistics = extendedStatistics
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case namespace = "Namespace"
        case metricName = "MetricName"
        case dimensions = "Dimensions"
        case startTime = "StartTime"
        case endTime = "EndTime"
        case period = "Period"
        case statistics = "Statistics"
        case extendedStatistics = "ExtendedStatistics"
        case unit = "Unit"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        namespace = try container.decode(String.self, forKey: .namespace)
        metricName = try container.decode(String.self, forKey: .metricName)
        dimensions = try container.decodeIfPresent([Dimension].self, forKey: .dimensions)
        startTime = try container.decodeEpochSeconds(forKey: .startTime)
        endTime = try container.decodeEpochSeconds(forKey: .endTime)
        period = try container.decode(Int.self, forKey: .period)
        statistics = try container.decodeIfPresent([Statistic].self, forKey: .statistics)
        extendedStatistics = try container.decodeIfPresent([String].self, forKey: .extendedStatistics)
        unit = try container.decodeIfPresent(StandardUnit.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(namespace, forKey: .namespace)
        try container.encode(metricName, forKey: .metricName)
        try container.encodeIfPresent(dimensions, forKey: .dimensions)
        try container.encodeEpochSeconds(startTime, forKey: .startTime)
        try container.encodeEpochSeconds(endTime, forKey: .endTime)
        try container.encode(period, forKey: .period)
        try container.encodeIfPresent(statistics, forKey: .statistics)
        try container.encodeIfPresent(extendedStatistics, forKey: .extendedStatistics)
        try container.encodeIfPresent(unit, forKey: .unit)
    }
}

/// The datapoints of the periods that had data, in no particular order (as the service says; the simulator
/// returns them by time), and the metric's name as `Label`.
public struct GetMetricStatisticsOutput: Sendable, Equatable, Codable {
    public var label: String?
    public var datapoints: [Datapoint]

    public init(label: String? = nil, datapoints: [Datapoint] = []) {
        self.label = label
        self.datapoints = datapoints
    }

    enum CodingKeys: String, CodingKey {
        case label = "Label"
        case datapoints = "Datapoints"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        datapoints = try container.decodeIfPresent([Datapoint].self, forKey: .datapoints) ?? []
    }
}
