/// The provisioned capacity as DescribeTable reports it (zero for on-demand tables).
public struct ProvisionedThroughputDescription: Sendable, Equatable, Codable {
    public var readCapacityUnits: Int64?
    public var writeCapacityUnits: Int64?
    public var numberOfDecreasesToday: Int64?

    public init(
        readCapacityUnits: Int64? = nil,
        writeCapacityUnits: Int64? = nil,
        numberOfDecreasesToday: Int64? = nil
    ) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.numberOfDecreasesToday = numberOfDecreasesToday
    }

    enum CodingKeys: String, CodingKey {
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
        case numberOfDecreasesToday = "NumberOfDecreasesToday"
    }
}
