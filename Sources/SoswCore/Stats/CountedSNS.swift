/// An SNS port that counts every call into an ``AWSCallCounter``.
public struct CountedSNS: SNS {
    public let base: any SNS
    public let counter: AWSCallCounter

    public init(_ base: any SNS, counter: AWSCallCounter) {
        self.base = base
        self.counter = counter
    }

    public func publish(_ input: PublishInput) async throws -> PublishOutput {
        try await counter.measure("SNS.Publish") { try await base.publish(input) }
    }
}
