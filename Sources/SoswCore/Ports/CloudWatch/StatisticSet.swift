/// Pre-aggregated values published as one datum (`StatisticValues`): what a client sends when it has already
/// summarised many observations.
public struct StatisticSet: Sendable, Equatable, Codable {
    public var sampleCount: Double
    public var sum: Double
    public var minimum: Double
    public var maximum: Double

    public init(sampleCount: Double, sum: Double, minimum: Double, maximum: Double) {
        self.sampleCount = sampleCount
        self.sum = sum
        self.minimum = minimum
        self.maximum = maximum
    }

    enum CodingKeys: String, CodingKey {
        case sampleCount = "SampleCount"
        case sum = "Sum"
        case minimum = "Minimum"
        case maximum = "Maximum"
    }
}
