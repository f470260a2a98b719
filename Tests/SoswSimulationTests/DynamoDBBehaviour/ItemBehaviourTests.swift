import SoswCore
import Testing

/// PutItem, GetItem, UpdateItem and DeleteItem: values, keys, ReturnValues and validation.
@Suite("DynamoDB behaviour: items")
struct ItemBehaviourTests {
    @Test("every attribute type round-trips through put and get", arguments: [
        AttributeValue.s("text"), .s(""), number("-12.5"), .b([0, 255]), .bool(false), .null,
        .m(["a": .l([1, "b"])]), .l([]), .ss(["x", "y"]), .ns([1, 2]), .bs([[1], [2]]),
    ])
    func roundTrip(_ value: AttributeValue) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "v": value])
        #expect(normalized(try await db.get(table, ["pk": "a"])) == normalized(["pk": "a", "v": value]))
    }

    @Test("numbers come back in canonical form")
    func canonicalNumbers() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "v": number("001.500")])
        #expect(try await db.get(table, ["pk": "a"])?["v"]?.numberValue?.text == "1.5")
    }

    @Test("a missing item gets no Item")
    func missing() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == nil)
    }

    @Test("a put replaces the whole item")
    func replace() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "old": 1])
        let output = try await db.putItem(PutItemInput(tableName: table, item: ["pk": "a", "new": 2], returnValues: .allOld))
        #expect(output.attributes == ["pk": "a", "old": 1])
        #expect(try await db.get(table, ["pk": "a"]) == ["pk": "a", "new": 2])
    }

    @Test("GetItem with a ProjectionExpression returns only those paths")
    func projection() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "x": 1, "y": 2, "doc": .m(["p": 1, "q": 2])])
        let output = try await db.getItem(GetItemInput(tableName: table, key: ["pk": "a"], projectionExpression: "x, doc.q"))
        #expect(output.item == ["x": 1, "doc": .m(["q": 2])])
    }

    struct BadItem: Sendable, CustomTestStringConvertible {
        var item: DynamoItem
        var message: String
        var testDescription: String { message }
    }

    static let badItems: [BadItem] = [
        BadItem(item: ["sk": 1], message: "One or more parameter values were invalid: Missing the key pk in the item"),
        BadItem(item: ["pk": "a"], message: "One or more parameter values were invalid: Missing the key sk in the item"),
        BadItem(item: ["pk": 1, "sk": 1], message: "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N"),
        BadItem(item: ["pk": "a", "sk": "1"], message: "One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"),
        BadItem(item: ["pk": "", "sk": 1], message: "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"),
        BadItem(item: ["pk": "a", "sk": 1, "s": .ss([])], message: "One or more parameter values were invalid: An string set  may not be empty"),
        BadItem(item: ["pk": "a", "sk": 1, "s": .ns([])], message: "One or more parameter values were invalid: An number set  may not be empty"),
        BadItem(item: ["pk": "a", "sk": 1, "s": .ss(["x", "x"])], message: "One or more parameter values were invalid: Input collection [x, x] contains duplicates."),
        BadItem(item: ["pk": "a", "sk": 1, "m": .m(["in": .ss([])])], message: "One or more parameter values were invalid: An string set  may not be empty"),
        BadItem(item: ["pk": "a", "sk": 1, "big": .s(String(repeating: "x", count: 400 * 1024))], message: "Item size has exceeded the maximum allowed size"),
    ]

    @Test("invalid items are refused with the service's message", arguments: badItems)
    func badItem(_ testCase: BadItem) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        try await knownDifference(
            .moto, "an empty key string and a duplicate set member get other answers",
            when: testCase.message.contains("empty string value") || testCase.message.contains("contains duplicates")
        ) {
            await expectDynamoDBError(.validation, testCase.message) { try await db.put(table, testCase.item) }
        }
    }

    @Test("keys that do not match the schema are refused", arguments: [
        ["pk": "a"] as DynamoItem, ["pk": "a", "sk": "1"], ["pk": "a", "sk": 1, "extra": 1], ["sk": 1], [:],
    ])
    func badKey(_ key: DynamoItem) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        try await knownDifference(
            .moto, "says 'Validation Exception' or accepts a key of the wrong type", when: key["extra"] == nil
        ) {
            await expectDynamoDBError(.validation, "The provided key element does not match the schema") {
                _ = try await db.get(table, key)
            }
            await expectDynamoDBError(.validation, "The provided key element does not match the schema") {
                _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: key))
            }
        }
    }

    @Test("an index key of the wrong type is refused")
    func indexKeyType() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.indexed(db)
        try await knownDifference(.moto, "an index key of the wrong type is stored") {
            await expectDynamoDBError(
                .validation,
                "One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: byStatus"
            ) { try await db.put(table, ["pk": "a", "sk": 1, "status": 3]) }
        }
    }

    @Test("operations on a missing table are ResourceNotFoundException")
    func missingTable() async throws {
        let db = makeDynamoDBUnderTest()
        await expectDynamoDBError(.resourceNotFound, "Requested resource not found") {
            try await db.put("no-such-table", ["pk": "a"])
        }
        await expectDynamoDBError(.resourceNotFound, "Requested resource not found") {
            _ = try await db.get("no-such-table", ["pk": "a"])
        }
    }

    @Test("PutItem and DeleteItem accept only NONE and ALL_OLD", arguments: [ReturnValues.allNew, .updatedOld, .updatedNew])
    func invalidReturnValues(_ returnValues: ReturnValues) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.validation, "Return values set to invalid value") {
            _ = try await db.putItem(PutItemInput(tableName: table, item: ["pk": "a"], returnValues: returnValues))
        }
        await expectDynamoDBError(.validation, "Return values set to invalid value") {
            _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "a"], returnValues: returnValues))
        }
    }

    @Test("DeleteItem returns the old item with ALL_OLD and nothing for a missing item")
    func deleteReturns() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "v": 1])
        let deleted = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "a"], returnValues: .allOld))
        #expect(deleted.attributes == ["pk": "a", "v": 1])
        #expect(try await db.get(table, ["pk": "a"]) == nil)
        let again = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "a"], returnValues: .allOld))
        #expect(again.attributes == nil)
    }
}
