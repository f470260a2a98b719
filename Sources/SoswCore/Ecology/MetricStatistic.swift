/// The CloudWatch statistic a health metric reads, and how the datapoints of its window fold into one value.
public enum MetricStatistic: String, CaseIterable, Hashable, Sendable {
    case average = "Average"
    case maximum = "Maximum"
    case minimum = "Minimum"
    /// Not supported by sosw (KeyError); summed over the window here.
    case sum = "Sum"
    /// Not supported by sosw (KeyError); summed over the window here.
    case sampleCount = "SampleCount"

    /// The value of a window from its datapoints' values for this statistic, `nil` when there are none
    /// (the caller then applies the metric's ``MissingDataPolicy``). Average is the mean of the datapoints'
    /// averages, as in sosw.
    public func aggregate(_ datapoints: [Double]) -> Double? {
        guard let first = datapoints.first else { return nil }
        switch self {
        case .average: return datapoints.reduce(0, +) / Double(datapoints.count)
        case .maximum: return datapoints.dropFirst().reduce(first) { max($0, $1) }
        case .minimum: return datapoints.dropFirst().reduce(first) { min($0, $1) }
        case .sum, .sampleCount: return datapoints.reduce(0, +)
        }
    }
}
