/// The CloudWatch port: the two metric operations sosw needs, in the API's own shapes, throwing
/// ``CloudWatchError`` with the service's codes and messages.
///
/// The Orchestrator reads the health of a labourer's dependencies with `GetMetricStatistics`; anything may
/// publish with `PutMetricData`. The simulation plugs in a fake whose metrics follow models in virtual time,
/// production the live client.
public protocol CloudWatch: Sendable {
    /// Statistics of one metric per `Period` between `StartTime` (inclusive) and `EndTime` (exclusive); periods
    /// without data have no datapoint.
    func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput

    /// Publishes datapoints; they become visible to `GetMetricStatistics` once the service has ingested them.
    func putMetricData(_ input: PutMetricDataInput) async throws
}
