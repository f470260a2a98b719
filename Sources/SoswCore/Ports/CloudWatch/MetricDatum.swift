/// One item of `PutMetricData`: a single `Value`, or `Values` with optional `Counts` (how many times each
/// value was observed), or a `StatisticValues` summary.
public struct MetricDatum: Sendable, Equatable, Codable {
    public var metricName: String
    public var dimensions: [Dimension]?
    /// When absent, the service stamps the datum with the time it received it.
    public var timestamp: UnixTime?
    public var value: Double?
    public var values: [Double]?
    public var counts: [Double]?
    public var statisticValues: StatisticSet?
    public var unit: StandardUnit?
    /// 1 for a high-resolution metric, 60 (the default) for standard resolution.
    public var storageResolution: Int?

    public init(
        metricName: String, dimensions: [Dimension]? = nil, timestamp: UnixTime? = nil, value: Double? = nil,
        values: [Double]? = nil, counts: [Double]? = nil, statisticValues: StatisticSet? = nil,
        unit: StandardUnit? = nil, storageResolution: Int? = nil
    ) {
        self.metricName = metricName
        self.dimensions = dimensions
        self.timestamp = timestamp
        self.value = value
        self.values = values
        self.counts = counts
        self.statisticValues = statisticValues
        self.unit = unit
        self.storageResolution = storageResolution
    }

    enum CodingKeys: String, CodingKey {
        case metricName = "MetricName"
        case dimensions = "Dimensions"
        case timestamp = "Timestamp"
        case value = "Value"
        case values = "Values"
        case counts = "Counts"
        case statisticValues = "StatisticValues"
        case unit = "Unit"
        case storageResolution = "StorageResolution"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metricName = try container.decode(String.self, forKey: .metricName)
        dimensions = try container.decodeIfPresent([Dimension].self, forKey: .dimensions)
        timestamp = try container.decodeEpochSecondsIfPresent(forKey: .timestamp)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        values = try container.decodeIfPresent([Double].self, forKey: .values)
        counts = try container.decodeIfPresent([Double].self, forKey: .counts)
        statisticValues = try container.decodeIfPresent(StatisticSet.self, forKey: .statisticValues)
        unit = try container.decodeIfPresent(StandardUnit.self, forKey: .unit)
        storageResolution = try container.decodeIfPresent(Int.self, forKey: .storageResolution)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metricName, forKey: .metricName)
        try container.encodeIfPresent(dimensions, forKey: .dimensions)
        try container.encodeEpochSecondsIfPresent(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(values, forKey: .values)
        try container.encodeIfPresent(counts, forKey: .counts)
        try container.encodeIfPresent(statisticValues, forKey: .statisticValues)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encodeIfPresent(storageResolution, forKey: .storageResolution)
    }
}
