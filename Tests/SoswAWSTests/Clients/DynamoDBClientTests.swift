import SoswAWS
import SoswCore
import Testing

/// The live client's half of the protocol, against a scripted transport: what it sends, and how each error
/// body becomes the same value the in-memory fake throws.
@Suite struct DynamoDBClientTests {
    static func client(_ script: [Result<AWSHTTPResponse, HTTPTransportError>]) -> (DynamoDBClient, ScriptedTransport) {
        ScriptedClient.make(DynamoDBClient.self, script)
    }

    @Test func sendsJSON10WithTheTargetAndDecodesTheOutput() async throws {
        let (client, transport) = Self.client([ScriptedTransport.json(200, #"{"Item":{"pk":{"S":"a"},"n":{"N":"1.50"}}}"#)])
        let output = try await client.getItem(GetItemInput(tableName: "t", key: ["pk": "a"], consistentRead: true))
        #expect(output.item?["pk"] == "a")
        #expect(output.item?["n"] == .n(try DynamoNumber(parsing: "1.5")))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/",
            headers: ["Content-Type: application/x-amz-json-1.0", "X-Amz-Target: DynamoDB_20120810.GetItem"],
            body: #"{"ConsistentRead":true,"Key":{"pk":{"S":"a"}},"TableName":"t"}"#))
    }

    @Test func aConditionalCheckFailureCarriesTheOldItem() async throws {
        let (client, _) = Self.client([ScriptedTransport.json(400, """
            {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",\
            "message":"The conditional request failed","Item":{"pk":{"S":"a"},"v":{"N":"1"}}}
            """)])
        let error = await thrownError {
            _ = try await client.putItem(PutItemInput(tableName: "t", item: ["pk": "a"], conditionExpression: "attribute_not_exists(pk)"))
        }
        #expect(error as? DynamoDBError == DynamoDBError.conditionalCheckFailed(item: ["pk": "a", "v": 1]))
    }

    @Test func aCancelledTransactionCarriesItsReasons() async throws {
        let (client, _) = Self.client([ScriptedTransport.json(400, """
            {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",\
            "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",\
            "CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}]}
            """)])
        let error = await thrownError { _ = try await client.transactWriteItems(TransactWriteItemsInput(transactItems: [])) }
        let cancelled = try #require(error as? DynamoDBError)
        #expect(cancelled.code == .transactionCanceled)
        #expect(cancelled.message.hasPrefix("Transaction cancelled"))
        #expect(cancelled.cancellationReasons == [
            .none, DynamoDBError.CancellationReason(code: "ConditionalCheckFailed", message: "The conditional request failed"),
        ])
    }

    @Test func aServerErrorIsInternalServerError() async throws {
        let (client, _) = Self.client([ScriptedTransport.json(500, #"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"boom"}"#)])
        let error = await thrownError { _ = try await client.describeTable(DescribeTableInput(tableName: "t")) }
        #expect(error as? DynamoDBError == DynamoDBError(code: .internalServerError, message: "boom"))
    }

    @Test func codesThePortDoesNotModelAndForeignBodiesAreServiceErrors() async throws {
        let (client, _) = Self.client([
            ScriptedTransport.json(400, #"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#),
            .success(AWSHTTPResponse(status: 403, headers: [.init("x-amzn-RequestId", "R1")], body: Array("<Error/>".utf8))),
        ])
        let unknown = await thrownError { _ = try await client.scan(ScanInput(tableName: "t")) }
        #expect((unknown as? AWSServiceError)?.code == "UnknownOperationException")
        #expect((unknown as? AWSServiceError)?.operation == "Scan")
        let foreign = try #require(await thrownError { _ = try await client.scan(ScanInput(tableName: "t")) } as? AWSServiceError)
        #expect(foreign.status == 403)
        #expect(foreign.requestID == "R1")
        #expect(foreign.message.contains("<Error/>"))
    }
}
