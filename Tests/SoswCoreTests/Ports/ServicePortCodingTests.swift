import Foundation
import SoswCore
import Testing

/// The Lambda, CloudWatch and SNS shapes encode to and decode from the AWS JSON protocols' member names.
@Suite("Lambda, CloudWatch and SNS shapes in their JSON wire form")
struct ServicePortCodingTests {
    private func json(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONEncoder()
        return try JSONValue(parsing: String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test("InvokeInput: member names, invocation type and the payload blob as base64")
    func invokeInput() throws {
        let input = InvokeInput(functionName: "worker", invocationType: .event, json: ["a": 1], qualifier: "$LATEST")
        #expect(try json(input) == [
            "FunctionName": "worker", "InvocationType": "Event", "Payload": "eyJhIjoxfQ==", "Qualifier": "$LATEST",
        ])
        let decoded = try decode(InvokeInput.self, #"{"FunctionName":"worker","InvocationType":"Event","Payload":"eyJhIjoxfQ=="}"#)
        #expect(decoded.payload == Array(#"{"a":1}"#.utf8))
        #expect(decoded.effectiveInvocationType == .event)
        #expect(InvokeInput(functionName: "worker").effectiveInvocationType == .requestResponse)
        #expect(throws: DecodingError.self) { try decode(InvokeInput.self, #"{"FunctionName":"w","Payload":"%%%"}"#) }
    }

    @Test("InvokeOutput: a function error with its error document")
    func invokeOutput() throws {
        let payload = Data(#"{"errorMessage":"boom","errorType":"Exception"}"#.utf8).base64EncodedString()
        let output = try decode(
            InvokeOutput.self,
            #"{"StatusCode":200,"FunctionError":"Unhandled","ExecutedVersion":"$LATEST","Payload":"\#(payload)"}"#)
        #expect(output.statusCode == 200)
        #expect(output.functionError == "Unhandled")
        #expect(try output.payloadJSON() == ["errorMessage": "boom", "errorType": "Exception"])
        #expect(try json(InvokeOutput(statusCode: 202)) == ["StatusCode": 202])
    }

    @Test("FunctionConfiguration decodes the service's response")
    func functionConfiguration() throws {
        let configuration = try decode(FunctionConfiguration.self, """
            {"FunctionName":"pull_hashtags","FunctionArn":"arn:aws:lambda:us-west-2:000000000000:function:pull_hashtags",
             "Runtime":"python3.12","Timeout":900,"MemorySize":512,"LastModified":"2026-01-05T02:00:00.000+0000",
             "Version":"$LATEST","State":"Active","CodeSize":1234,"TracingConfig":{"Mode":"PassThrough"}}
            """)
        #expect(configuration.timeout == 900)
        #expect(configuration.memorySize == 512)
        #expect(configuration.functionArn.hasSuffix(":function:pull_hashtags"))
    }

    @Test("errors carry the service's HTTP statuses")
    func errorStatuses() {
        #expect(LambdaError.tooManyRequests(.concurrentInvocationLimitExceeded).httpStatus == 429)
        #expect(LambdaError.functionNotFound("arn").httpStatus == 404)
        #expect(LambdaError.Code.requestTooLarge.httpStatus == 413)
        #expect(LambdaError.Code.service.httpStatus == 500)
        #expect(LambdaError.tooManyRequests(.concurrentInvocationLimitExceeded).isRetryable)
        #expect(CloudWatchError.missingParameter("Namespace").description
                == "MissingParameter (HTTP 400): The parameter Namespace is required.")
        #expect(CloudWatchError.Code.internalServiceError.fault == "Receiver")
        #expect(SNSError.Code.notFound.httpStatus == 404)
    }

    @Test("GetMetricStatisticsInput: timestamps as epoch seconds, dimensions and statistics by name")
    func getMetricStatisticsInput() throws {
        let input = GetMetricStatisticsInput(
            namespace: "AWS/RDS", metricName: "CPUUtilization",
            dimensions: [Dimension(name: "DBInstanceIdentifier", value: "main")],
            startTime: UnixTime(seconds: 1_767_578_400), endTime: UnixTime(nanoseconds: 1_767_578_700_500_000_000),
            period: 60, statistics: [.average, .maximum], unit: .percent)
        #expect(try json(input) == [
            "Namespace": "AWS/RDS", "MetricName": "CPUUtilization",
            "Dimensions": [["Name": "DBInstanceIdentifier", "Value": "main"]],
            "StartTime": 1_767_578_400, "EndTime": 1_767_578_700.5, "Period": 60,
            "Statistics": ["Average", "Maximum"], "Unit": "Percent",
        ])
        let decoded = try decode(GetMetricStatisticsInput.self, String(decoding: try JSONEncoder().encode(input), as: UTF8.self))
        #expect(decoded == input)
    }

    @Test("GetMetricStatisticsOutput decodes the service's datapoints")
    func getMetricStatisticsOutput() throws {
        let output = try decode(GetMetricStatisticsOutput.self, """
            {"Label":"CPUUtilization","Datapoints":[{"Timestamp":1767578400.0,"Average":12.5,"Unit":"Percent"},
             {"Timestamp":1767578460,"Average":14.0,"Unit":"Percent"}]}
            """)
        #expect(output.label == "CPUUtilization")
        #expect(output.datapoints == [
            Datapoint(timestamp: UnixTime(seconds: 1_767_578_400), average: 12.5, unit: .percent),
            Datapoint(timestamp: UnixTime(seconds: 1_767_578_460), average: 14, unit: .percent),
        ])
        #expect(output.datapoints[0].value(of: .average) == 12.5)
        #expect(output.datapoints[0].value(of: .sum) == nil)
        #expect(try decode(GetMetricStatisticsOutput.self, #"{"Label":"x"}"#).datapoints.isEmpty)
    }

    /// (Foundation's encoder writes integral doubles without a fraction, so they read back as integers.)
    @Test("PutMetricDataInput: datums with values, counts and statistic sets")
    func putMetricDataInput() throws {
        let input = PutMetricDataInput(namespace: "Sosw", metricData: [
            MetricDatum(metricName: "Queued", timestamp: UnixTime(seconds: 60), values: [1, 2], counts: [3, 4], unit: .count),
            MetricDatum(metricName: "Latency", statisticValues: StatisticSet(sampleCount: 2, sum: 3, minimum: 1, maximum: 2)),
        ])
        #expect(try json(input) == [
            "Namespace": "Sosw",
            "MetricData": [
                ["MetricName": "Queued", "Timestamp": 60, "Values": [1, 2], "Counts": [3, 4], "Unit": "Count"],
                ["MetricName": "Latency", "StatisticValues": ["SampleCount": 2, "Sum": 3, "Minimum": 1, "Maximum": 2]],
            ],
        ])
        let decoded = try decode(PutMetricDataInput.self, String(decoding: try JSONEncoder().encode(input), as: UTF8.self))
        #expect(decoded == input)
    }

    @Test("Publish: TopicArn, Message, Subject and MessageId")
    func publish() throws {
        #expect(try json(PublishInput(topicArn: "arn:aws:sns:us-east-1:000000000000:t", message: "m", subject: "s")) == [
            "TopicArn": "arn:aws:sns:us-east-1:000000000000:t", "Message": "m", "Subject": "s",
        ])
        #expect(try decode(PublishOutput.self, #"{"MessageId":"abc"}"#).messageId == "abc")
    }
}
