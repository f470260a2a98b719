import SoswCore

/// The live ``CloudWatch``, on awsJson1_0 (`X-Amz-Target: GraniteServiceVersion20100801.<Operation>`), the
/// protocol the SDKs now default to: the port's shapes are the JSON bodies as they stand.
///
/// CloudWatch came from awsQuery and stays query-compatible: errors carry the query code in
/// `x-amzn-query-error` (`InvalidParameterValue;Sender`), which becomes the ``CloudWatchError`` the simulated
/// CloudWatch throws; codes the port does not model become an ``AWSServiceError``.
public struct CloudWatchClient: CloudWatch, AWSServiceClient {
    public static let service = AWSService(
        serviceID: "CloudWatch", signingName: "monitoring",
        wireProtocol: .awsJson1_0(targetPrefix: "GraniteServiceVersion20100801", queryCompatible: true))

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        error.code.flatMap(CloudWatchError.Code.init(rawValue:)).map {
            CloudWatchError(code: $0, message: error.message ?? "")
        }
    }

    public func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        try await client.jsonCall("GetMetricStatistics", input)
    }

    /// The service answers with no output (an empty body or `{}`), read as an empty JSON object.
    public func putMetricData(_ input: PutMetricDataInput) async throws {
        _ = try await client.jsonCall("PutMetricData", input, as: JSONValue.self)
    }
}
