/// Capacity units consumed on one table or index.
public struct Capacity: Sendable, Equatable, Codable {
    public var readCapacityUnits: Double?
    public var writeCapacityUnits: Double?
    public var capacityUnits: Double?

    public init(
        readCapacityUnits: Double? = nil,
        writeCapacityUnits: Double? = nil,
        capacityUnits: Double? = nil
    ) {
        self.readCapacityUnits = readCapacityUnits
        self.writeCapacityUnits = writeCapacityUnits
        self.capacityUnits = capacityUnits
    }

    enum CodingKeys: String, CodingKey {
        case readCapacityUnits = "ReadCapacityUnits"
        case writeCapacityUnits = "WriteCapacityUnits"
        case capacityUnits = "CapacityUnits"
    }
}
