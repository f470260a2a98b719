import SoswCore

/// What makes a metric one metric in CloudWatch: namespace, name and the exact set of dimensions (their order
/// in a request does not matter, so they are kept sorted by name).
public struct MetricIdentity: Sendable, Hashable, CustomStringConvertible {
    public let namespace: String
    public let metricName: String
    public let dimensions: [Dimension]

    public init(namespace: String, metricName: String, dimensions: [Dimension] = []) {
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
    }

    public var description: String {
        let dimensions = self.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        return "\(namespace)/\(metricName){\(dimensions)}"
    }
}
