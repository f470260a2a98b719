/// One function's part of a run's Lambda bill, for the per-function lines of the reports.
public struct FunctionCost: Sendable, Hashable {
    public var function: String
    public var architecture: LambdaArchitecture
    public var memoryMB: Int
    public var requests: Int
    public var gbSeconds: Double
    /// Requests and duration together.
    public var usd: Double
}
