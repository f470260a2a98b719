/// The five statistics `GetMetricStatistics` computes per period; raw values are the API's names.
public enum Statistic: String, Sendable, Hashable, Codable, CaseIterable {
    case sampleCount = "SampleCount"
    case average = "Average"
    case sum = "Sum"
    case minimum = "Minimum"
    case maximum = "Maximum"
}
