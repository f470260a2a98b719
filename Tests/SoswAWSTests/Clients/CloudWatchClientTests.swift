import SoswAWS
import SoswCore
import Testing

/// The live CloudWatch client against a scripted transport: awsJson1_0 requests in query-compatible mode, and
/// errors read from `x-amzn-query-error`.
@Suite struct CloudWatchClientTests {
    static let start = UnixTime(seconds: 1_767_578_400)

    @Test func getMetricStatisticsSendsTheInputAsJSONAndReadsTheDatapoints() async throws {
        let (client, transport) = ScriptedClient.make(CloudWatchClient.self, [
            ScriptedTransport.json(200, """
                {"Label":"ConsumedWriteCapacityUnits","Datapoints":[\
                {"Timestamp":1767578460,"Average":2.5,"Sum":10.0,"Unit":"Count"},{"Timestamp":1767578400,"Sum":1}]}
                """)
        ])
        let output = try await client.getMetricStatistics(GetMetricStatisticsInput(
            namespace: "AWS/DynamoDB", metricName: "ConsumedWriteCapacityUnits",
            dimensions: [Dimension(name: "TableName", value: "t")], startTime: Self.start,
            endTime: Self.start + .seconds(600), period: 60, statistics: [.average, .sum]))
        #expect(output == GetMetricStatisticsOutput(label: "ConsumedWriteCapacityUnits", datapoints: [
            Datapoint(timestamp: Self.start + .seconds(60), average: 2.5, sum: 10, unit: .count),
            Datapoint(timestamp: Self.start, sum: 1),
        ]))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/",
            headers: [
                "Content-Type: application/x-amz-json-1.0", "X-Amz-Target: GraniteServiceVersion20100801.GetMetricStatistics",
                "x-amzn-query-mode: true",
            ],
            body: #"{"Dimensions":[{"Name":"TableName","Value":"t"}],"EndTime":1767579000,"MetricName":"ConsumedWriteCapacityUnits","#
                + #""Namespace":"AWS/DynamoDB","Period":60,"StartTime":1767578400,"Statistics":["Average","Sum"]}"#))
    }

    @Test func putMetricDataAcceptsAnEmptyAnswer() async throws {
        let (client, transport) = ScriptedClient.make(CloudWatchClient.self, [ScriptedTransport.json(200, "")])
        try await client.putMetricData(PutMetricDataInput(
            namespace: "sosw", metricData: [MetricDatum(metricName: "m", value: 1.5, unit: .count)]))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/",
            headers: [
                "Content-Type: application/x-amz-json-1.0", "X-Amz-Target: GraniteServiceVersion20100801.PutMetricData",
                "x-amzn-query-mode: true",
            ],
            body: #"{"MetricData":[{"MetricName":"m","Unit":"Count","Value":1.5}],"Namespace":"sosw"}"#))
    }

    @Test func theQueryErrorHeaderGivesThePortsCode() async {
        let (client, _) = ScriptedClient.make(CloudWatchClient.self, [
            .success(AWSHTTPResponse(
                status: 400,
                headers: [
                    .init("x-amzn-query-error", "InvalidParameterCombination;Sender"),
                    .init("X-Amzn-ErrorType", "com.amazonaws.cloudwatch#InvalidParameterCombinationException"),
                ],
                body: Array(#"{"__type":"com.amazonaws.cloudwatch#InvalidParameterCombinationException","message":"Must specify either Statistics or ExtendedStatistics"}"#.utf8)))
        ])
        let error = await thrownError {
            _ = try await client.getMetricStatistics(GetMetricStatisticsInput(
                namespace: "n", metricName: "m", startTime: Self.start, endTime: Self.start + .seconds(60), period: 60))
        }
        #expect(error as? CloudWatchError == .invalidParameterCombination("Must specify either Statistics or ExtendedStatistics"))
    }

    @Test func anInternalFaultIsTheServicesError() async {
        let (client, _) = ScriptedClient.make(CloudWatchClient.self, [
            .success(AWSHTTPResponse(
                status: 500, headers: [.init("x-amzn-query-error", "InternalServiceError;Receiver")],
                body: Array(#"{"__type":"com.amazonaws.cloudwatch#InternalServiceFault","message":"oops"}"#.utf8)))
        ])
        let error = await thrownError { try await client.putMetricData(PutMetricDataInput(namespace: "n", metricData: [])) }
        #expect(error as? CloudWatchError == CloudWatchError(code: .internalServiceError, message: "oops"))
    }
}
