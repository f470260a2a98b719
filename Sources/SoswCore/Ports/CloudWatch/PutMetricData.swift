/// A `PutMetricData` request: up to 1,000 datums in one namespace (which may not start with `AWS/`: those
/// belong to the services).
public struct PutMetricDataInput: Sendable, Equatable, Codable {
    public var namespace: String
    public var metricData: [MetricDatum]

    public init(namespace: String, metricData: [MetricDatum]) {
        self.namespace = namespace
        self.metricData = metricData
    }

    enum CodingKeys: String, CodingKey {
        case namespace = "Namespace"
        case metricData = "MetricData"
    }
}
