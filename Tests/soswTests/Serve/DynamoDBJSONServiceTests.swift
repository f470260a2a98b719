import Foundation
import SoswCore
import SoswServe
import SoswSimulation
import Testing

/// The server's half of the protocol without a socket: dispatch by target, errors in DynamoDB's wire form.
@Suite struct DynamoDBJSONServiceTests {
    static func service() -> DynamoDBJSONService {
        DynamoDBJSONService(database: InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 1)))
    }

    static func call(_ service: DynamoDBJSONService, _ operation: String, _ json: String) async -> (Int, [String: Any]) {
        let reply = await service.handle(target: "DynamoDB_20120810.\(operation)", body: Array(json.utf8))
        let object = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
        return (reply.status, object)
    }

    static let createTable = #"""
        {"TableName":"tasks","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}
        """#

    @Test func servesTheOperationsOfThePort() async {
        let service = Self.service()
        let created = await service.handle(target: "DynamoDB_20120810.CreateTable", body: Array(Self.createTable.utf8))
        #expect(created.status == 200, "\(String(decoding: created.body, as: UTF8.self))")
        #expect(await Self.call(service, "PutItem", #"{"TableName":"tasks","Item":{"pk":{"S":"a"},"v":{"N":"7"}}}"#).0 == 200)
        let (status, body) = await Self.call(service, "GetItem", #"{"TableName":"tasks","Key":{"pk":{"S":"a"}}}"#)
        #expect(status == 200)
        #expect(((body["Item"] as? [String: Any])?["v"] as? [String: String]) == ["N": "7"])
        #expect(DynamoDBJSONService.operationNames.count == 14)
    }

    @Test func unknownTargetsAreUnknownOperationException() async {
        let service = Self.service()
        for target in [nil, "DynamoDB_20120810.UpdateTimeToLive", "Kinesis_20131202.PutRecord"] {
            let reply = await service.handle(target: target, body: Array("{}".utf8))
            #expect(reply.status == 400)
            let body = try? JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(reply.body))
            #expect(body?.type == "com.amazon.coral.service#UnknownOperationException")
        }
    }

    @Test func aMissingMemberIsAValidationErrorAndBadJSONASerializationError() async {
        let service = Self.service()
        let (status, body) = await Self.call(service, "GetItem", #"{"Key":{"pk":{"S":"a"}}}"#)
        #expect(status == 400)
        #expect(body["__type"] as? String == "com.amazonaws.dynamodb.v20120810#ValidationException")
        #expect(body["message"] as? String
            == "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
        let (badStatus, bad) = await Self.call(service, "GetItem", #"{"TableName":5}"#)
        #expect(badStatus == 400)
        #expect(bad["__type"] as? String == "com.amazon.coral.service#SerializationException")
        let (garbageStatus, garbage) = await Self.call(service, "GetItem", "not json")
        #expect(garbageStatus == 400)
        #expect(garbage["__type"] as? String == "com.amazon.coral.service#SerializationException")
    }

    @Test func aFailedConditionAnswersWithTheOldItemWhenAsked() async {
        let service = Self.service()
        _ = await Self.call(service, "CreateTable", Self.createTable)
        _ = await Self.call(service, "PutItem", #"{"TableName":"tasks","Item":{"pk":{"S":"a"}}}"#)
        let (status, body) = await Self.call(service, "PutItem", #"""
            {"TableName":"tasks","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)",
             "ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            """#)
        #expect(status == 400)
        #expect(body["__type"] as? String == "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException")
        #expect(body["message"] as? String == "The conditional request failed")
        #expect((body["Item"] as? [String: Any])?["pk"] as? [String: String] == ["S": "a"])
    }

    @Test func theErrorBodyRoundTripsTheFakesErrors() throws {
        let error = DynamoDBError(
            code: .transactionCanceled, message: "Transaction cancelled",
            cancellationReasons: [.none, .init(code: "ConditionalCheckFailed", message: "m", item: ["pk": "a"])])
        let data = try JSONEncoder().encode(DynamoDBErrorBody(error))
        let decoded = try JSONDecoder().decode(DynamoDBErrorBody.self, from: data)
        #expect(decoded.code == "TransactionCanceledException")
        #expect(decoded.error == error)
        #expect(error.httpStatus == 400)
        #expect(DynamoDBError(code: .internalServerError, message: "x").httpStatus == 500)
    }
}
