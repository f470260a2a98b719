import SoswCore
import Testing

/// UpdateItem: every UpdateExpression action, ReturnValues, creation of missing items and refusals.
@Suite("DynamoDB behaviour: updates")
struct UpdateExpressionBehaviourTests {
    static let item: DynamoItem = [
        "pk": "u", "n": 5, "s": "text", "flag": true, "tags": .ss(["a", "b"]), "nums": .ns([1, 2]),
        "lst": .l([1, 2, 3]), "doc": .m(["nest": .m(["deep": 3]), "aside": 1]), "status": "open",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var expression: String
        var values: DynamoItem? = nil
        var names: [String: String]? = nil
        /// The attributes expected afterwards.
        var expected: DynamoItem = [:]
        /// The attributes expected to be gone afterwards.
        var removed: [String] = []
        var testDescription: String { expression }
    }

    static let cases: [Case] = [
        Case(expression: "SET n = :v", values: [":v": 7], expected: ["n": 7]),
        Case(expression: "SET n = n + :v", values: [":v": 2], expected: ["n": 7]),
        Case(expression: "SET n = n - :v", values: [":v": 2], expected: ["n": 3]),
        Case(expression: "SET n = :a + :b", values: [":a": number("0.1"), ":b": number("0.2")], expected: ["n": number("0.3")]),
        Case(expression: "SET fresh = if_not_exists(fresh, :v)", values: [":v": 1], expected: ["fresh": 1]),
        Case(expression: "SET n = if_not_exists(n, :v)", values: [":v": 9], expected: ["n": 5]),
        Case(expression: "SET lst = list_append(lst, :l)", values: [":l": .l([4])], expected: ["lst": .l([1, 2, 3, 4])]),
        Case(expression: "SET lst = list_append(:l, lst)", values: [":l": .l([0])], expected: ["lst": .l([0, 1, 2, 3])]),
        Case(expression: "SET lst[0] = :v", values: [":v": "y"], expected: ["lst": .l(["y", 2, 3])]),
        Case(expression: "SET lst[9] = :v", values: [":v": 4], expected: ["lst": .l([1, 2, 3, 4])]),
        Case(expression: "SET doc.nest.deep = :v", values: [":v": 4], expected: ["doc": .m(["nest": .m(["deep": 4]), "aside": 1])]),
        Case(expression: "SET doc.added = :v", values: [":v": "x"], expected: ["doc": .m(["nest": .m(["deep": 3]), "aside": 1, "added": "x"])]),
        Case(expression: "SET #st = :v", values: [":v": "closed"], names: ["#st": "status"], expected: ["status": "closed"]),
        Case(expression: "SET a = :v, b = :w", values: [":v": 1, ":w": 2], expected: ["a": 1, "b": 2]),
        Case(expression: "SET s = :v REMOVE flag", values: [":v": "new"], expected: ["s": "new"], removed: ["flag"]),
        Case(expression: "REMOVE s", removed: ["s"]),
        Case(expression: "REMOVE lst[0]", expected: ["lst": .l([2, 3])]),
        Case(expression: "REMOVE doc.aside", expected: ["doc": .m(["nest": .m(["deep": 3])])]),
        Case(expression: "ADD n :v", values: [":v": 10], expected: ["n": 15]),
        Case(expression: "ADD n :v", values: [":v": -10], expected: ["n": -5]),
        Case(expression: "ADD hits :v", values: [":v": 1], expected: ["hits": 1]),
        Case(expression: "ADD tags :v", values: [":v": .ss(["c"])], expected: ["tags": .ss(["a", "b", "c"])]),
        Case(expression: "ADD nums :v", values: [":v": .ns([2, 3])], expected: ["nums": .ns([1, 2, 3])]),
        Case(expression: "ADD newset :v", values: [":v": .ss(["z"])], expected: ["newset": .ss(["z"])]),
        Case(expression: "DELETE tags :v", values: [":v": .ss(["a"])], expected: ["tags": .ss(["b"])]),
        Case(expression: "DELETE tags :v", values: [":v": .ss(["a", "b"])], removed: ["tags"]),
        Case(expression: "DELETE nums :v", values: [":v": .ns([7])], expected: ["nums": .ns([1, 2])]),
    ]

    @Test("update actions change the item as the service does", arguments: cases)
    func update(_ testCase: Case) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item)
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "u"], updateExpression: testCase.expression,
            expressionAttributeNames: testCase.names, expressionAttributeValues: testCase.values))
        let after = try #require(try await db.get(table, ["pk": "u"]))
        for (name, value) in testCase.expected {
            #expect(after[name].map(normalized) == normalized(value), "\(name)")
        }
        for name in testCase.removed {
            #expect(after[name] == nil, "\(name)")
        }
    }

    @Test("UpdateItem on a missing key creates the item")
    func createsMissing() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        let output = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "ADD hits :one",
            expressionAttributeValues: [":one": 1], returnValues: .allNew))
        #expect(output.attributes == ["pk": "a", "sk": 1, "hits": 1])
    }

    @Test("a condition can forbid creating a missing item")
    func conditionForbidsCreation() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.conditionalCheckFailed) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "a"], updateExpression: "SET v = :v",
                conditionExpression: "attribute_exists(pk)", expressionAttributeValues: [":v": 1]))
        }
        #expect(try await db.get(table, ["pk": "a"]) == nil)
    }

    @Test("ReturnValues gives the requested image", arguments: [
        (ReturnValues.nothing, nil as DynamoItem?),
        (.allOld, ["pk": "r", "a": 1, "b": 1]),
        (.allNew, ["pk": "r", "a": 2, "b": 1, "c": 3]),
        (.updatedOld, ["a": 1]),
        (.updatedNew, ["a": 2, "c": 3]),
    ])
    func returnValues(_ returnValues: ReturnValues, _ expected: DynamoItem?) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "r", "a": 1, "b": 1])
        let output = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "r"], updateExpression: "SET a = :two, c = :three",
            expressionAttributeValues: [":two": 2, ":three": 3], returnValues: returnValues))
        #expect(output.attributes == expected)
    }

    @Test("updating a key attribute is refused")
    func keyUpdate() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        try await db.put(table, ["pk": "a", "sk": 1])
        await expectDynamoDBError(
            .validation, "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key"
        ) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET sk = :v",
                expressionAttributeValues: [":v": 2]))
        }
    }

    @Test("updates that do not fit the value's type are refused", arguments: [
        ("ADD s :v", [":v": 1] as DynamoItem), ("SET n = n + :v", [":v": "x"]), ("SET s = s + :v", [":v": 1]),
        ("DELETE n :v", [":v": .ss(["a"])]), ("SET lst = list_append(lst, :v)", [":v": 1]),
        // The first action fits, the second does not: neither is applied.
        ("SET n = :v ADD s :w", [":v": 1, ":w": 1]),
    ])
    func typeErrors(_ expression: String, _ values: DynamoItem) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item)
        let error = await expectDynamoDBError(.validation) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "u"], updateExpression: expression, expressionAttributeValues: values))
        }
        #expect(error?.message.isEmpty == false)
        try await knownDifference(.moto, "a refused update keeps the actions before the one that failed",
                                  when: expression == "SET n = :v ADD s :w") {
            let stored = try await db.get(table, ["pk": "u"])
            #expect(stored == Self.item)
        }
    }
}
