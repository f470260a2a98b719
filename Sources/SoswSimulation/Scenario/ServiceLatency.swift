/// Per-call latency of the simulated services (`latency:`), drawn from the seeded PRNG.
///
/// Never zero by default: with zero latency a worker finishing exactly on a minute boundary ties with the
/// Orchestrator run there, which real AWS never does (the invoke happens after that run's count).
public struct ServiceLatency: Sendable, Hashable {
    public var dynamodb: Distribution
    public var lambdaInvoke: Distribution
    public var cloudwatch: Distribution

    public init(
        dynamodb: Distribution = ServiceLatency.defaultDynamoDB,
        lambdaInvoke: Distribution = ServiceLatency.defaultLambdaInvoke,
        cloudwatch: Distribution = ServiceLatency.defaultCloudWatch
    ) {
        self.dynamodb = dynamodb
        self.lambdaInvoke = lambdaInvoke
        self.cloudwatch = cloudwatch
    }

    public static let defaultDynamoDB = Distribution.lognormal(median: .milliseconds(5), p99: .milliseconds(25))
    public static let defaultLambdaInvoke = Distribution.lognormal(median: .milliseconds(20), p99: .milliseconds(80))
    public static let defaultCloudWatch = Distribution.lognormal(median: .milliseconds(30), p99: .milliseconds(120))
}
