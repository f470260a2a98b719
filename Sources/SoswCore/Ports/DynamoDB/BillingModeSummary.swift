/// The billing mode of a table as DescribeTable reports it.
public struct BillingModeSummary: Sendable, Equatable, Codable {
    public var billingMode: BillingMode?

    public init(billingMode: BillingMode? = nil) {
        self.billingMode = billingMode
    }

    enum CodingKeys: String, CodingKey {
        case billingMode = "BillingMode"
    }
}
