/// A CloudWatch port that counts every call into an ``AWSCallCounter``.
public struct CountedCloudWatch: CloudWatch {
    public let base: any CloudWatch
    public let counter: AWSCallCounter

    public init(_ base: any CloudWatch, counter: AWSCallCounter) {
        self.base = base
        self.counter = counter
    }

    public func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        try await counter.measure("CloudWatch.GetMetricStatistics") { try await base.getMetricStatistics(input) }
    }

    public func putMetricData(_ input: PutMetricDataInput) async throws {
        try await counter.measure("CloudWatch.PutMetricData") { try await base.putMetricData(input) }
    }
}
