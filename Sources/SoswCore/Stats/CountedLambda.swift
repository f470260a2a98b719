/// A Lambda port that counts every call into an ``AWSCallCounter``.
public struct CountedLambda: Lambda {
    public let base: any Lambda
    public let counter: AWSCallCounter

    public init(_ base: any Lambda, counter: AWSCallCounter) {
        self.base = base
        self.counter = counter
    }

    public func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        try await counter.measure("Lambda.Invoke") { try await base.invoke(input) }
    }

    public func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        try await counter.measure("Lambda.GetFunctionConfiguration") { try await base.getFunctionConfiguration(input) }
    }
}
