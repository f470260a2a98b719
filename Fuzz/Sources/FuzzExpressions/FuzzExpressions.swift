import FuzzSupport
import SoswCore
import SoswSimulation

/// Any expression text given to the in-memory DynamoDB — as a condition, an update, a projection, a key
/// condition or a filter — is applied or refused with a `DynamoDBError`, never a trap. The first byte picks
/// the kind; every `#name` and `:value` placeholder in the text is given a name or a value from a fixed
/// palette (picked by the placeholder's bytes), so mutated expressions stay resolvable; an odd second choice
/// adds an unused value, which the service refuses.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzDriver.bytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let expression = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let request = ExpressionRequest(
        kind: ExpressionRequest.Kind.allCases[Int(selector) % ExpressionRequest.Kind.allCases.count],
        expression: expression, addsUnusedValue: (selector / 8) % 2 == 1)
    FuzzDriver.wait { await request.run() }
    return 0
}

struct ExpressionRequest: Sendable {
    enum Kind: CaseIterable {
        case condition, update, projection, keyCondition, filter
    }

    var kind: Kind
    var expression: String
    var addsUnusedValue: Bool

    static let table = "items"
    static let item: DynamoItem = [
        "pk": "p", "sk": 1, "n": 5, "s": "text", "flag": true, "nothing": .null, "tags": .ss(["a", "b"]),
        "nums": .ns([1, 2]), "bin": .b([1, 2, 3]), "lst": .l([1, "two", .l([3])]),
        "doc": .m(["nest": .m(["deep": 3]), "aside": 1]),
    ]
    static let names = ["pk", "sk", "n", "s", "flag", "tags", "nums", "lst", "doc", "nest", "missing", "a.b", ""]
    static let values: [AttributeValue] = [
        "p", 1, 2, "text", "", true, .null, .ss(["a", "c"]), .ns([2, 3]), .b([9]), .l([4]), .l([]),
        .m(["deep": 4]), .m([:]), .bs([[1]]),
    ]

    func run() async {
        let database = InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 1))
        do {
            _ = try await database.createTable(CreateTableInput(
                tableName: Self.table,
                keySchema: [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "sk", keyType: .range)],
                attributeDefinitions: [
                    .init(attributeName: "pk", attributeType: .string), .init(attributeName: "sk", attributeType: .number),
                ],
                billingMode: .payPerRequest))
            _ = try await database.putItem(PutItemInput(tableName: Self.table, item: Self.item))
            _ = try await database.putItem(PutItemInput(tableName: Self.table, item: ["pk": "p", "sk": 2, "n": 7]))
        } catch {
            fatalError("the fixture table could not be set up: \(error)")
        }
        do {
            try await send(to: database)
        } catch is DynamoDBError {
            return
        } catch {
            fatalError("the fake threw something other than a DynamoDBError: \(error)")
        }
    }

    private func send(to database: some DynamoDB) async throws {
        let (names, values) = placeholders()
        let key: DynamoItem = ["pk": "p", "sk": 1]
        switch kind {
        case .condition:
            _ = try await database.putItem(PutItemInput(
                tableName: Self.table, item: Self.item, conditionExpression: expression,
                expressionAttributeNames: names, expressionAttributeValues: values))
        case .update:
            _ = try await database.updateItem(UpdateItemInput(
                tableName: Self.table, key: key, updateExpression: expression,
                expressionAttributeNames: names, expressionAttributeValues: values, returnValues: .allNew))
        case .projection:
            _ = try await database.getItem(GetItemInput(
                tableName: Self.table, key: key, projectionExpression: expression, expressionAttributeNames: names))
        case .keyCondition:
            _ = try await database.query(QueryInput(
                tableName: Self.table, keyConditionExpression: expression,
                expressionAttributeNames: names, expressionAttributeValues: values))
        case .filter:
            _ = try await database.scan(ScanInput(
                tableName: Self.table, filterExpression: expression,
                expressionAttributeNames: names, expressionAttributeValues: values))
        }
    }

    /// A name for every `#name` and a value for every `:value` in the expression.
    private func placeholders() -> (names: [String: String]?, values: DynamoItem?) {
        var names: [String: String] = [:]
        var values: DynamoItem = [:]
        for token in Self.placeholderTokens(in: expression) {
            let pick = token.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
            if token.hasPrefix("#") {
                names[token] = Self.names[pick % Self.names.count]
            } else {
                values[token] = Self.values[pick % Self.values.count]
            }
        }
        if addsUnusedValue { values[":fuzz_unused"] = 1 }
        return (names.isEmpty ? nil : names, values.isEmpty ? nil : values)
    }

    private static func placeholderTokens(in text: String) -> [String] {
        var tokens: [String] = []
        var current: [Character] = []
        for character in text + " " {
            if !current.isEmpty, character.isASCII, character.isLetter || character.isNumber || character == "_" {
                current.append(character)
                continue
            }
            if current.count > 1 { tokens.append(String(current)) }
            current = character == "#" || character == ":" ? [character] : []
        }
        return tokens
    }
}

@main
enum FuzzExpressions {
    static func main() { FuzzDriver.run(testOneInput) }
}
