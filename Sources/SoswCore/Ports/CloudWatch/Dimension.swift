/// A name/value pair that is part of a metric's identity: the same metric name with other dimensions is
/// another metric.
public struct Dimension: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case value = "Value"
    }
}
