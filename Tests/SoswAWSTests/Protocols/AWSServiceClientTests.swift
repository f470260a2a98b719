import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// Every client's factory: the endpoint it resolves from the environment and the scope it signs for.
@Suite struct AWSServiceClientTests {
    static let credentials = StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret"))

    /// Builds `Client` from an environment, sends one request through its pipeline and returns the client's
    /// endpoint and the request's Authorization header.
    static func built<Client: AWSServiceClient>(
        _ type: Client.Type, _ environment: [String: String]
    ) async throws -> (AWSEndpoint, String?) {
        let transport = ScriptedTransport([ScriptedTransport.ok], wallClock: SimClock(executor: SimExecutor()))
        let client = try Client.fromEnvironment(environment, credentials: credentials, transport: transport)
        _ = try await client.client.send(client.client.restRequest("GET", path: "/"), operation: "Probe")
        return (client.client.endpoint, transport.sent.first?.request.header("Authorization"))
    }

    static func check<Client: AWSServiceClient>(
        _ type: Client.Type, variable: String, publicHost: String, signingName: String
    ) async throws {
        let configured = try await built(type, ["AWS_REGION": "eu-west-1", variable: "http://127.0.0.1:4566"])
        #expect(configured.0 == AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 4566), "\(type)")
        #expect(configured.1?.contains("/eu-west-1/\(signingName)/aws4_request") == true, "\(type)")
        let (publicEndpoint, _) = try await built(type, ["AWS_DEFAULT_REGION": "eu-west-1"])
        #expect(publicEndpoint == AWSEndpoint(scheme: "https", host: publicHost), "\(type)")
    }

    @Test func eachClientResolvesItsOwnEndpointVariableAndSigningName() async throws {
        try await Self.check(
            DynamoDBClient.self, variable: "AWS_ENDPOINT_URL_DYNAMODB", publicHost: "dynamodb.eu-west-1.amazonaws.com",
            signingName: "dynamodb")
        try await Self.check(
            LambdaClient.self, variable: "AWS_ENDPOINT_URL_LAMBDA", publicHost: "lambda.eu-west-1.amazonaws.com",
            signingName: "lambda")
        try await Self.check(
            CloudWatchClient.self, variable: "AWS_ENDPOINT_URL_CLOUDWATCH",
            publicHost: "monitoring.eu-west-1.amazonaws.com", signingName: "monitoring")
        try await Self.check(
            SNSClient.self, variable: "AWS_ENDPOINT_URL_SNS", publicHost: "sns.eu-west-1.amazonaws.com",
            signingName: "sns")
        try await Self.check(
            SSMClient.self, variable: "AWS_ENDPOINT_URL_SSM", publicHost: "ssm.eu-west-1.amazonaws.com",
            signingName: "ssm")
        try await Self.check(
            STSClient.self, variable: "AWS_ENDPOINT_URL_STS", publicHost: "sts.eu-west-1.amazonaws.com",
            signingName: "sts")
    }

    @Test func theSharedEndpointVariableServesEveryClient() async throws {
        let (endpoint, _) = try await Self.built(
            LambdaClient.self, ["AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:5000"])
        #expect(endpoint == AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 5000))
    }

    @Test func aMissingRegionSaysWhichVariablesToSet() {
        let error = #expect(throws: AWSConfigurationError.self) {
            _ = try SNSClient.fromEnvironment([:], credentials: Self.credentials)
        }
        #expect(error?.description.contains("AWS_REGION") == true)
    }

    @Test func onlyDynamoDBHasItsResponseChecksumChecked() async throws {
        let damaged = Result<AWSHTTPResponse, HTTPTransportError>.success(AWSHTTPResponse(
            status: 204, headers: [.init("x-amz-crc32", "3765944775")]))
        func sendThrough<Client: AWSServiceClient>(_ type: Client.Type) async -> (any Error)? {
            let transport = ScriptedTransport([damaged], wallClock: SimClock(executor: SimExecutor()))
            return await thrownError {
                let client = try Client.fromEnvironment(
                    ["AWS_REGION": "us-east-1"], credentials: Self.credentials, transport: transport,
                    retry: RetryStrategy(maxAttempts: 1))
                _ = try await client.client.send(client.client.restRequest("POST", path: "/"), operation: "Probe")
            }
        }
        #expect((await sendThrough(DynamoDBClient.self) as? HTTPTransportError)?.kind == .checksumMismatch)
        #expect(await sendThrough(LambdaClient.self) == nil)
    }
}
