import SoswAWS
import SoswCore
import Testing

/// The live CloudWatch client against moto's server: data put in comes back aggregated, and a refused request
/// is the port's error.
@Suite("CloudWatchClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct CloudWatchClientMotoTests {
    static let start = UnixTime(seconds: 1_767_578_400)

    @Test func putDataComesBackAsStatistics() async throws {
        let cloudWatch = try MotoServer.client(CloudWatchClient.self)
        let namespace = MotoServer.uniqueName("sosw-test")
        let dimensions = [Dimension(name: "TableName", value: "sosw_tasks")]
        try await cloudWatch.putMetricData(PutMetricDataInput(namespace: namespace, metricData: [2.0, 4.0, 9.0].enumerated().map {
            MetricDatum(
                metricName: "CPUUtilization", dimensions: dimensions, timestamp: Self.start + .seconds(10 * $0.offset),
                value: $0.element, unit: .percent)
        }))
        let output = try await cloudWatch.getMetricStatistics(GetMetricStatisticsInput(
            namespace: namespace, metricName: "CPUUtilization", dimensions: dimensions, startTime: Self.start,
            endTime: Self.start + .seconds(60), period: 60, statistics: [.sampleCount, .sum, .minimum, .maximum, .average]))
        #expect(output.label == "CPUUtilization")
        let datapoint = try #require(output.datapoints.count == 1 ? output.datapoints.first : nil, "\(output.datapoints)")
        #expect(datapoint.sampleCount == 3)
        #expect(datapoint.sum == 15)
        #expect(datapoint.minimum == 2)
        #expect(datapoint.maximum == 9)
        #expect(datapoint.average == 5)
    }

    @Test func askingForNoStatisticIsTheInvalidParameterCombination() async throws {
        let cloudWatch = try MotoServer.client(CloudWatchClient.self)
        let error = await thrownError {
            _ = try await cloudWatch.getMetricStatistics(GetMetricStatisticsInput(
                namespace: MotoServer.uniqueName("sosw-test"), metricName: "m", startTime: Self.start,
                endTime: Self.start + .seconds(60), period: 60))
        }
        #expect((error as? CloudWatchError)?.code == .invalidParameterCombination, "\(String(describing: error))")
    }
}
