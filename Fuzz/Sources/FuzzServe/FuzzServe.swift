import FuzzSupport
import SoswCore
import SoswServe
import SoswSimulation

/// Any request given to `sosw serve`'s handler gets an answer, never a trap: the input's first line is the
/// `X-Amz-Target` header (no line: no header), the rest the body. The answer is DynamoDB's wire form — a JSON
/// object — with a 200 or a 4xx status: a 5xx would mean the fake failed in a way the service never does.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzDriver.bytes(data, size)
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n"))
    let target = newline.map { String(decoding: bytes[..<$0], as: UTF8.self) }
    let body = Array(newline.map { bytes[($0 + 1)...] } ?? bytes[...])
    FuzzDriver.wait { await serve(target: target, body: body) }
    return 0
}

/// The table every request finds: `tasks`, keyed by `pk` (S) and `sk` (N), with a global index on `state`.
let createTable = #"""
    {"TableName":"tasks","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
     "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
     {"AttributeName":"state","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
     "GlobalSecondaryIndexes":[{"IndexName":"by_state","KeySchema":[{"AttributeName":"state","KeyType":"HASH"}],
     "Projection":{"ProjectionType":"ALL"}}]}
    """#
let putItem = #"{"TableName":"tasks","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"state":{"S":"open"},"n":{"N":"5"}}}"#

func serve(target: String?, body: [UInt8]) async {
    let service = DynamoDBJSONService(database: InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 1)))
    for (operation, fixture) in [("CreateTable", createTable), ("PutItem", putItem)] {
        let reply = await service.handle(target: "DynamoDB_20120810.\(operation)", body: Array(fixture.utf8))
        precondition(reply.status == 200, "the fixture's \(operation) failed: \(String(decoding: reply.body, as: UTF8.self))")
    }
    let reply = await service.handle(target: target, body: body)
    let text = String(decoding: reply.body, as: UTF8.self)
    precondition(reply.status == 200 || (400..<500).contains(reply.status), "status \(reply.status): \(text)")
    precondition((try? JSONValue(parsing: text))?.objectValue != nil, "the answer is not a JSON object: \(text)")
}

@main
enum FuzzServe {
    static func main() { FuzzDriver.run(testOneInput) }
}
