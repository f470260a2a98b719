import Foundation
import SoswAWS
import SoswCore
import SoswServe
import SoswSimulation
import Testing

/// `sosw serve`'s server over loopback, with the live client as its peer: the round trip, the response
/// headers, and signature checking.
@Suite struct DynamoDBServerTests {
    static let key = AWSCredentials(accessKeyID: "AKIDSERVE", secretAccessKey: "serve-secret")

    /// Runs a server on a free port for the duration of `body`.
    static func withServer<Result: Sendable>(
        signatureCheck: SignatureCheck? = nil, idleTimeout: Duration = DynamoDBServer.defaultIdleTimeout,
        _ body: @Sendable (AWSEndpoint) async throws -> Result
    ) async throws -> Result {
        let database = InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 1))
        let server = DynamoDBServer(
            service: DynamoDBJSONService(database: database), port: 0, signatureCheck: signatureCheck,
            idleTimeout: idleTimeout)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await server.run { port in continuation.yield(port) }
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next(), "the server stopped before it listened")
            defer { group.cancelAll() }
            return try await body(AWSEndpoint(scheme: "http", host: DynamoDBServer.host, port: port))
        }
    }

    static func client(_ endpoint: AWSEndpoint, credentials: AWSCredentials = key) -> DynamoDBClient {
        DynamoDBClient(
            endpoint: endpoint,
            transport: AWSPipeline.standard(
                transport: AsyncHTTPClientTransport(), credentials: StaticCredentialsProvider(credentials),
                region: "us-east-1", service: "dynamodb", wallClock: SystemWallClock(), clock: ContinuousClock(),
                random: SystemRandomSource(), retry: RetryStrategy(maxAttempts: 1)))
    }

    static func createTable(_ client: DynamoDBClient) async throws {
        _ = try await client.createTable(CreateTableInput(
            tableName: "tasks", keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
    }

    @Test func theLiveClientRoundTripsThroughTheServer() async throws {
        try await Self.withServer { endpoint in
            let client = Self.client(endpoint)
            try await Self.createTable(client)
            _ = try await client.putItem(PutItemInput(tableName: "tasks", item: ["pk": "a", "n": 1]))
            let item = try await client.getItem(GetItemInput(tableName: "tasks", key: ["pk": "a"])).item
            #expect(item == ["pk": "a", "n": 1])
            do {
                _ = try await client.putItem(PutItemInput(
                    tableName: "tasks", item: ["pk": "a"], conditionExpression: "attribute_not_exists(pk)",
                    returnValuesOnConditionCheckFailure: .allOld))
                Issue.record("the conditional put succeeded")
            } catch let error as DynamoDBError {
                #expect(error == .conditionalCheckFailed(item: ["pk": "a", "n": 1]))
            }
        }
    }

    @Test func responsesCarryARequestIDAndTheBodysCRC32() async throws {
        try await Self.withServer { endpoint in
            let request = AWSHTTPRequest(
                method: "POST", endpoint: endpoint,
                headers: [.init("X-Amz-Target", "DynamoDB_20120810.DescribeTable"), .init("Content-Type", DynamoDBOperation.contentType)],
                body: Array(#"{"TableName":"missing"}"#.utf8))
            let first = try await AsyncHTTPClientTransport().send(request)
            let second = try await AsyncHTTPClientTransport().send(request)
            #expect(first.status == 400)
            #expect(first.header("Content-Type") == "application/x-amz-json-1.0")
            #expect(first.header("x-amz-crc32") == String(CRC32.checksum(first.body)))
            let firstID = try #require(first.header("x-amzn-RequestId"))
            #expect(firstID.count == 52)
            #expect(firstID != second.header("x-amzn-RequestId"))
            let body = try JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(first.body))
            #expect(body.code == "ResourceNotFoundException")
        }
    }

    @Test func withoutCheckingAnyKeyIsAcceptedButAMalformedAuthorizationIsRefused() async throws {
        try await Self.withServer { endpoint in
            try await Self.createTable(Self.client(endpoint, credentials: AWSCredentials(accessKeyID: "ANY", secretAccessKey: "any")))
            let request = AWSHTTPRequest(
                method: "POST", endpoint: endpoint,
                headers: [
                    .init("X-Amz-Target", "DynamoDB_20120810.DescribeTable"), .init("Content-Type", DynamoDBOperation.contentType),
                    .init("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/dynamodb, Signature=00"),
                ],
                body: Array(#"{"TableName":"tasks"}"#.utf8))
            let response = try await AsyncHTTPClientTransport().send(request)
            #expect(response.status == 400)
            let body = try JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(response.body))
            #expect(body.code == "IncompleteSignatureException")
        }
    }

    @Test func checkedSignaturesAcceptTheKeyAndRejectOthersAsDynamoDBDoes() async throws {
        let check = SignatureCheck(credentials: [Self.key], region: "us-east-1", wallClock: SystemWallClock())
        try await Self.withServer(signatureCheck: check) { endpoint in
            try await Self.createTable(Self.client(endpoint))
            for (credentials, code) in [
                (AWSCredentials(accessKeyID: Self.key.accessKeyID, secretAccessKey: "wrong"), "InvalidSignatureException"),
                (AWSCredentials(accessKeyID: "AKIDOTHER", secretAccessKey: "x"), "UnrecognizedClientException"),
            ] {
                do {
                    _ = try await Self.client(endpoint, credentials: credentials).describeTable(DescribeTableInput(tableName: "tasks"))
                    Issue.record("\(credentials.accessKeyID) was accepted")
                } catch let error as DynamoDBError {
                    // A code the port models arrives as the port's error.
                    #expect(error.code.rawValue == code)
                } catch let error as AWSServiceError {
                    #expect(error.status == 400)
                    #expect(error.code == code)
                }
            }
        }
    }
}
