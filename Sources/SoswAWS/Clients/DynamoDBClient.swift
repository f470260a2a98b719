import Foundation
import SoswCore

/// The live ``DynamoDB``: each call is a DynamoDB JSON 1.0 request (`POST /`,
/// `Content-Type: application/x-amz-json-1.0`, `X-Amz-Target: DynamoDB_20120810.<Operation>`) whose body
/// is the port's input type as it stands, sent through an ``HTTPTransport`` (normally
/// ``AWSPipeline/standard(transport:credentials:region:service:wallClock:clock:random:retry:quota:)``).
///
/// Error responses become the same ``DynamoDBError`` values the in-memory fake throws (code from `__type`,
/// message, `Item`, `CancellationReasons`), so callers handle one set of errors; anything else becomes an
/// ``AWSServiceError``.
public struct DynamoDBClient: DynamoDB {
    public static let targetPrefix = "DynamoDB_20120810"
    public static let contentType = "application/x-amz-json-1.0"
    /// The SigV4 signing name and endpoint prefix.
    public static let signingName = "dynamodb"

    public let endpoint: AWSEndpoint
    public let transport: any HTTPTransport

    public init(endpoint: AWSEndpoint, transport: any HTTPTransport) {
        self.endpoint = endpoint
        self.transport = transport
    }

    /// The client production uses: region, credentials and endpoint from the environment as the AWS SDKs
    /// read them (`AWS_REGION`, `AWS_ACCESS_KEY_ID`…, `AWS_ENDPOINT_URL_DYNAMODB`), signing with the system
    /// clock and retrying in the standard mode on the continuous clock.
    public static func fromEnvironment(
        _ environment: [String: String], transport: any HTTPTransport = AsyncHTTPClientTransport(),
        retry: RetryStrategy = RetryStrategy()
    ) throws(AWSConfigurationError) -> DynamoDBClient {
        let region = try AWSRegion.fromEnvironment(environment)
        let endpoint = try AWSEndpoint.resolve(
            serviceID: "DynamoDB", endpointPrefix: signingName, region: region, environment: environment)
        let pipeline = AWSPipeline.standard(
            transport: transport, credentials: EnvironmentCredentialsProvider(environment: environment),
            region: region, service: signingName, wallClock: SystemWallClock(), clock: ContinuousClock(),
            random: SystemRandomSource(), retry: retry)
        return DynamoDBClient(endpoint: endpoint, transport: pipeline)
    }

    public nonisolated(nonsending) func putItem(_ input: PutItemInput) async throws -> PutItemOutput {
        try await call("PutItem", input)
    }

    public nonisolated(nonsending) func getItem(_ input: GetItemInput) async throws -> GetItemOutput {
        try await call("GetItem", input)
    }

    public nonisolated(nonsending) func updateItem(_ input: UpdateItemInput) async throws -> UpdateItemOutput {
        try await call("UpdateItem", input)
    }

    public nonisolated(nonsending) func deleteItem(_ input: DeleteItemInput) async throws -> DeleteItemOutput {
        try await call("DeleteItem", input)
    }

    public nonisolated(nonsending) func query(_ input: QueryInput) async throws -> QueryOutput {
        try await call("Query", input)
    }

    public nonisolated(nonsending) func scan(_ input: ScanInput) async throws -> ScanOutput {
        try await call("Scan", input)
    }

    public nonisolated(nonsending) func batchWriteItem(_ input: BatchWriteItemInput) async throws -> BatchWriteItemOutput {
        try await call("BatchWriteItem", input)
    }

    public nonisolated(nonsending) func batchGetItem(_ input: BatchGetItemInput) async throws -> BatchGetItemOutput {
        try await call("BatchGetItem", input)
    }

    public nonisolated(nonsending) func transactWriteItems(_ input: TransactWriteItemsInput) async throws -> TransactWriteItemsOutput {
        try await call("TransactWriteItems", input)
    }

    public nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        try await call("CreateTable", input)
    }

    public nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        try await call("DescribeTable", input)
    }

    public nonisolated(nonsending) func deleteTable(_ input: DeleteTableInput) async throws -> DeleteTableOutput {
        try await call("DeleteTable", input)
    }

    // MARK: The protocol

    /// Sorted keys: the same input always gives the same bytes on the wire, whatever the dictionaries' order.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input) async throws -> Output {
        let body = try Self.encoder.encode(input)
        let request = AWSHTTPRequest(
            method: "POST", endpoint: endpoint, path: "/",
            headers: [
                SigV4Request.Header("Content-Type", Self.contentType),
                SigV4Request.Header("X-Amz-Target", "\(Self.targetPrefix).\(operation)"),
            ],
            body: Array(body))
        let response = try await transport.send(request)
        guard response.isSuccess else { throw Self.error(from: response, operation: operation) }
        do {
            return try JSONDecoder().decode(Output.self, from: Data(response.body))
        } catch {
            throw AWSServiceError(
                service: "DynamoDB", operation: operation, status: response.status, code: nil,
                message: "the response body is not a valid \(Output.self): \(error); body: \(Self.excerpt(response.body))",
                requestID: response.header("x-amzn-RequestId"))
        }
    }

    /// The port's error when the body is DynamoDB's error form with a code the port knows, else an
    /// ``AWSServiceError`` carrying what arrived.
    static func error(from response: AWSHTTPResponse, operation: String) -> any Error {
        let requestID = response.header("x-amzn-RequestId")
        guard let body = try? JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(response.body)) else {
            return AWSServiceError(
                service: "DynamoDB", operation: operation, status: response.status,
                code: AWSJSONErrorCode.code(in: response),
                message: "the error response is not DynamoDB's JSON error form: \(excerpt(response.body))",
                requestID: requestID)
        }
        return body.error
            ?? AWSServiceError(
                service: "DynamoDB", operation: operation, status: response.status, code: body.code,
                message: body.message ?? "", requestID: requestID)
    }

    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return body.count > 300 ? text + "…" : text
    }
}
