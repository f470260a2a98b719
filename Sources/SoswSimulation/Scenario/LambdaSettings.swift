/// The simulated Lambda service (`lambda:`): the account's concurrency and the functions workers run in.
public struct LambdaSettings: Sendable, Hashable {
    /// Concurrent executions the account allows (AWS's default quota is 1000); beyond it async events are
    /// throttled and retried by the service.
    public var accountConcurrency: Int
    /// Sorted by name, so iterating them never depends on hashing.
    public var functions: [FunctionModel]

    public init(accountConcurrency: Int = LambdaSettings.defaultAccountConcurrency, functions: [FunctionModel] = []) {
        self.accountConcurrency = accountConcurrency
        self.functions = functions.sorted { $0.name < $1.name }
    }

    public static let defaultAccountConcurrency = 1000

    public func function(named name: String) -> FunctionModel? {
        functions.first { $0.name == name }
    }
}
