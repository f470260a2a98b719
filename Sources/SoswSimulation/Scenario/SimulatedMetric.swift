/// A CloudWatch metric the simulated CloudWatch serves (`metrics:`), typically one a labourer's health metric
/// reads: identified as CloudWatch identifies it, and valued by a model.
public struct SimulatedMetric: Sendable, Hashable {
    public var namespace: String
    public var name: String
    /// Sorted by name, as CloudWatch treats dimensions as a set.
    public var dimensions: [MetricDimension]
    public var model: MetricModel

    public init(namespace: String, name: String, dimensions: [MetricDimension] = [], model: MetricModel) {
        self.namespace = namespace
        self.name = name
        self.dimensions = dimensions.sorted { $0.name < $1.name }
        self.model = model
    }
}

/// One CloudWatch dimension (`dimensions: {DBInstanceIdentifier: main}`).
public struct MetricDimension: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
