/// How a table is billed: provisioned capacity, or on demand.
public enum BillingMode: String, Sendable, Equatable, Codable, CaseIterable {
    case provisioned = "PROVISIONED"
    case payPerRequest = "PAY_PER_REQUEST"
}
