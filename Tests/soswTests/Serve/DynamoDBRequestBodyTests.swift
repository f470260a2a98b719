import Foundation
import SoswCore
import SoswServe
import SoswSimulation
import Testing

/// How the front end reads request bodies, without a socket: strict JSON (a malformed body is a
/// SerializationException and runs nothing), and malformed attribute values answered as DynamoDB answers them.
@Suite struct DynamoDBRequestBodyTests {
    static func reply(_ service: DynamoDBJSONService, _ operation: String, _ json: String) async -> (Int, DynamoDBErrorBody?) {
        let reply = await service.handle(target: "DynamoDB_20120810.\(operation)", body: Array(json.utf8))
        return (reply.status, try? JSONDecoder().decode(DynamoDBErrorBody.self, from: Data(reply.body)))
    }

    static func serviceWithTable() async -> DynamoDBJSONService {
        let service = DynamoDBJSONServiceTests.service()
        _ = await service.handle(
            target: "DynamoDB_20120810.CreateTable", body: Array(DynamoDBJSONServiceTests.createTable.utf8))
        return service
    }

    @Test("malformed JSON is a SerializationException", arguments: [
        #"{"TableName":"tasks",}"#, #"{"TableName":"tasks""#, #"{TableName:"tasks"}"#, #"{"TableName":'tasks'}"#,
        #"{"TableName":"tasks"} x"#, #"["tasks"]"#, "", #"{"TableName":"tasks" /* c */}"#, #"{"Limit":01}"#,
        #"{"TableName":"t\x"}"#, #"{"A":[1,]}"#,
    ])
    func malformed(_ json: String) async {
        let (status, body) = await Self.reply(DynamoDBJSONServiceTests.service(), "DescribeTable", json)
        #expect(status == 400)
        #expect(body?.type == "com.amazon.coral.service#SerializationException")
        #expect(body?.message?.hasPrefix("Malformed JSON at byte") == true)
    }

    @Test("a DeleteTable with a trailing comma deletes nothing")
    func deleteWithTrailingComma() async {
        let service = await Self.serviceWithTable()
        let (status, _) = await Self.reply(service, "DeleteTable", #"{"TableName":"tasks",}"#)
        #expect(status == 400)
        #expect(await Self.reply(service, "DescribeTable", #"{"TableName":"tasks"}"#).0 == 200)
    }

    @Test("well-formed JSON of every kind is read", arguments: [
        #" { "TableName" : "tasks" , "X" : [ 1 , -0.5e+3 , true , false , null , { } , [ ] , "\u00e9\n" ] } "#
    ])
    func wellFormed(_ json: String) async {
        let service = await Self.serviceWithTable()
        #expect(await Self.reply(service, "DescribeTable", json).0 == 200)
    }

    @Test("attribute values of the wrong shape are refused as DynamoDB refuses them", arguments: [
        (#"{"X":"1"}"#, "com.amazonaws.dynamodb.v20120810#ValidationException",
         "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{}"#, "com.amazonaws.dynamodb.v20120810#ValidationException",
         "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
        (#"{"S":"a","N":"1"}"#, "com.amazonaws.dynamodb.v20120810#ValidationException",
         "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
        (#"{"S":1}"#, "com.amazon.coral.service#SerializationException", "NUMBER_VALUE cannot be converted to String"),
        (#"{"N":2}"#, "com.amazon.coral.service#SerializationException", "NUMBER_VALUE cannot be converted to String"),
        (#"{"BOOL":"yes"}"#, "com.amazon.coral.service#SerializationException", "STRING_VALUE cannot be converted to Boolean"),
    ])
    func attributeValues(_ value: String, _ type: String, _ message: String) async {
        let service = await Self.serviceWithTable()
        let (status, body) = await Self.reply(
            service, "PutItem", #"{"TableName":"tasks","Item":{"pk":{"S":"a"},"v":\#(value)}}"#)
        #expect(status == 400)
        #expect(body?.type == type)
        #expect(body?.message == message)
    }
}
