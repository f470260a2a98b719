/// One priced line of a run's cost: so much of one billed item, at the region's price.
public struct CostLine: Sendable, Hashable {
    /// `lambda`, `dynamodb`, `cloudwatch` or `sns`.
    public var service: String
    /// What is billed, e.g. `hello_worker duration (x86_64, 128 MB)` or `write request units`.
    public var item: String
    public var quantity: Double
    /// The unit of ``quantity``: `requests`, `GB-seconds`, `read request units`, ….
    public var unit: String
    public var usd: Double

    public init(service: String, item: String, quantity: Double, unit: String, usd: Double) {
        self.service = service
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.usd = usd
    }
}
