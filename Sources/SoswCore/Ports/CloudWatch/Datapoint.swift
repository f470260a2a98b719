/// The statistics of one period of a metric, as `GetMetricStatistics` returns them: only the statistics
/// that were asked for are set. `Timestamp` is the start of the period.
public struct Datapoint: Sendable, Equatable, Codable {
    public var timestamp: UnixTime
    public var sampleCount: Double?
    public var average: Double?
    public var sum: Double?
    public var minimum: Double?
    public var maximum: Double?
    public var unit: StandardUnit?

    public init(
        timestamp: UnixTime, sampleCount: Double? = nil, average: Double? = nil, sum: Double? = nil,
        minimum: Double? = nil, maximum: Double? = nil, unit: StandardUnit? = nil
    ) {
        self.timestamp = timestamp
        self.sampleCount = sampleCount
        self.average = average
        self.sum = sum
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
    }

    /// The value of `statistic`, when it was asked for.
    public func value(of statistic: Statistic) -> Double? {
        switch statistic {
        case .sampleCount: sampleCount
        case .average: average
        case .sum: sum
        case .minimum: minimum
        case .maximum: maximum
        }
    }

    enum CodingKeys: String, CodingKey {
        case timestamp = "Timestamp"
        case sampleCount = "SampleCount"
        case average = "Average"
        case sum = "Sum"
        case minimum = "Minimum"
        case maximum = "Maximum"
        case unit = "Unit"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timestamp = try container.decodeEpochSeconds(forKey: .timestamp)
        sampleCount = try container.decodeIfPresent(Double.self, forKey: .sampleCount)
        average = try container.decodeIfPresent(Double.self, forKey: .average)
        sum = try container.decodeIfPresent(Double.self, forKey: .sum)
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        unit = try container.decodeIfPresent(StandardUnit.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeEpochSeconds(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(sampleCount, forKey: .sampleCount)
        try container.encodeIfPresent(average, forKey: .average)
        try container.encodeIfPresent(sum, forKey: .sum)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(unit, forKey: .unit)
    }
}
