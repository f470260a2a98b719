import SoswCore
import Testing

/// Every comparator and function of ConditionExpression, evaluated by a conditional put over one item: the
/// put succeeds when the condition holds and fails with ConditionalCheckFailedException when not.
@Suite("DynamoDB behaviour: condition expressions")
struct ConditionExpressionBehaviourTests {
    static let item: DynamoItem = [
        "pk": "c", "n": 5, "s": "hello", "b": .b([1, 2, 3]), "flag": true, "nothing": .null,
        "tags": .ss(["a", "b"]), "nums": .ns([1, 2]), "lst": .l([1, "x", .m(["a": 1])]),
        "doc": .m(["nest": .m(["deep": 3]), "name": "m"]), "status": "open",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var expression: String
        var values: DynamoItem?
        var names: [String: String]? = nil
        var holds: Bool
        var testDescription: String { "\(expression) \(values.map { "\($0)" } ?? "") → \(holds)" }
    }

    static let cases: [Case] = [
        Case(expression: "n = :v", values: [":v": 5], holds: true),
        Case(expression: "n = :v", values: [":v": 6], holds: false),
        Case(expression: "n = :v", values: [":v": number("5.000")], holds: true),
        Case(expression: "n = :v", values: [":v": "5"], holds: false),
        Case(expression: "n <> :v", values: [":v": 6], holds: true),
        Case(expression: "n <> :v", values: [":v": 5], holds: false),
        Case(expression: "n < :v", values: [":v": 6], holds: true),
        Case(expression: "n < :v", values: [":v": 5], holds: false),
        Case(expression: "n <= :v", values: [":v": 5], holds: true),
        Case(expression: "n > :v", values: [":v": 5], holds: false),
        Case(expression: "n > :v", values: [":v": number("4.99")], holds: true),
        Case(expression: "n >= :v", values: [":v": 5], holds: true),
        Case(expression: "n < :v", values: [":v": "10"], holds: false),
        Case(expression: "n BETWEEN :a AND :b", values: [":a": 1, ":b": 5], holds: true),
        Case(expression: "n BETWEEN :a AND :b", values: [":a": 6, ":b": 9], holds: false),
        Case(expression: "n IN (:a, :b)", values: [":a": 4, ":b": 5], holds: true),
        Case(expression: "n IN (:a, :b)", values: [":a": 7, ":b": 8], holds: false),
        Case(expression: "s = :v", values: [":v": "hello"], holds: true),
        Case(expression: "s < :v", values: [":v": "help"], holds: true),
        Case(expression: "s > :v", values: [":v": "Hello"], holds: true),
        Case(expression: "b = :v", values: [":v": .b([1, 2, 3])], holds: true),
        Case(expression: "flag = :v", values: [":v": true], holds: true),
        Case(expression: "nothing = :v", values: [":v": .null], holds: true),
        Case(expression: "tags = :v", values: [":v": .ss(["b", "a"])], holds: true),
        Case(expression: "attribute_exists(s)", values: nil, holds: true),
        Case(expression: "attribute_exists(absent)", values: nil, holds: false),
        Case(expression: "attribute_not_exists(absent)", values: nil, holds: true),
        Case(expression: "attribute_not_exists(pk)", values: nil, holds: false),
        Case(expression: "attribute_type(n, :t)", values: [":t": "N"], holds: true),
        Case(expression: "attribute_type(n, :t)", values: [":t": "S"], holds: false),
        Case(expression: "attribute_type(tags, :t)", values: [":t": "SS"], holds: true),
        Case(expression: "attribute_type(nothing, :t)", values: [":t": "NULL"], holds: true),
        Case(expression: "begins_with(s, :p)", values: [":p": "he"], holds: true),
        Case(expression: "begins_with(s, :p)", values: [":p": "xe"], holds: false),
        Case(expression: "contains(s, :p)", values: [":p": "ell"], holds: true),
        Case(expression: "contains(tags, :p)", values: [":p": "a"], holds: true),
        Case(expression: "contains(tags, :p)", values: [":p": "z"], holds: false),
        Case(expression: "contains(nums, :p)", values: [":p": 2], holds: true),
        Case(expression: "contains(lst, :p)", values: [":p": "x"], holds: true),
        Case(expression: "size(s) = :v", values: [":v": 5], holds: true),
        Case(expression: "size(tags) = :v", values: [":v": 2], holds: true),
        Case(expression: "size(lst) > :v", values: [":v": 2], holds: true),
        Case(expression: "size(doc) = :v", values: [":v": 2], holds: true),
        Case(expression: "n = :a AND s = :b", values: [":a": 5, ":b": "hello"], holds: true),
        Case(expression: "n = :a AND s = :b", values: [":a": 6, ":b": "hello"], holds: false),
        Case(expression: "n = :a OR s = :b", values: [":a": 6, ":b": "hello"], holds: true),
        Case(expression: "NOT n = :a", values: [":a": 5], holds: false),
        Case(expression: "(n = :a OR n = :b) AND s = :c", values: [":a": 1, ":b": 5, ":c": "hello"], holds: true),
        Case(expression: "n = :a OR n = :b AND s = :c", values: [":a": 5, ":b": 1, ":c": "x"], holds: true),
        Case(expression: "doc.nest.deep = :v", values: [":v": 3], holds: true),
        Case(expression: "lst[2].a = :v", values: [":v": 1], holds: true),
        Case(expression: "lst[0] = :v", values: [":v": 1], holds: true),
        Case(expression: "attribute_exists(lst[5])", values: nil, holds: false),
        Case(expression: "#st = :v", values: [":v": "open"], names: ["#st": "status"], holds: true),
        Case(expression: "#m.#n = :v", values: [":v": "m"], names: ["#m": "doc", "#n": "name"], holds: true),
    ]

    @Test("a conditional put succeeds exactly when the condition holds", arguments: cases)
    func condition(_ testCase: Case) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item)
        let replacement: DynamoItem = ["pk": "c", "replaced": true]
        let put = PutItemInput(
            tableName: table, item: replacement, conditionExpression: testCase.expression,
            expressionAttributeNames: testCase.names, expressionAttributeValues: testCase.values)
        let comparesAcrossTypes = testCase.expression == "n < :v" && testCase.values?[":v"]?.stringValue != nil
        try await knownDifference(.moto, "comparing a number with a string is an error, not false", when: comparesAcrossTypes) {
            if testCase.holds {
                _ = try await db.putItem(put)
                #expect(try await db.get(table, ["pk": "c"]) == replacement)
            } else {
                await expectDynamoDBError(.conditionalCheckFailed, "The conditional request failed") {
                    _ = try await db.putItem(put)
                }
                #expect(try await db.get(table, ["pk": "c"]) == Self.item)
            }
        }
    }

    @Test("a condition on a missing item sees no attributes")
    func missingItem() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        _ = try await db.putItem(PutItemInput(
            tableName: table, item: ["pk": "new"], conditionExpression: "attribute_not_exists(pk)"))
        await expectDynamoDBError(.conditionalCheckFailed) {
            _ = try await db.putItem(PutItemInput(
                tableName: table, item: ["pk": "new"], conditionExpression: "attribute_not_exists(pk)"))
        }
    }

    @Test("ReturnValuesOnConditionCheckFailure ALL_OLD returns the item in the error")
    func allOldOnFailure() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "v": 1])
        let error = await expectDynamoDBError(.conditionalCheckFailed) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "a"], updateExpression: "SET v = :two", conditionExpression: "v = :zero",
                expressionAttributeValues: [":two": 2, ":zero": 0], returnValuesOnConditionCheckFailure: .allOld))
        }
        #expect(error?.item == ["pk": "a", "v": 1])
        let without = await expectDynamoDBError(.conditionalCheckFailed) {
            _ = try await db.deleteItem(DeleteItemInput(
                tableName: table, key: ["pk": "a"], conditionExpression: "v = :zero",
                expressionAttributeValues: [":zero": 0]))
        }
        #expect(without?.item == nil)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var expression: String
        var values: DynamoItem?
        var names: [String: String]?
        var message: String
        var testDescription: String { expression }
    }

    static let invalid: [Invalid] = [
        Invalid(expression: "n = :v", values: [":v": 1, ":w": 2], names: nil,
                message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}"),
        Invalid(expression: "n = :v", values: [":v": 1], names: ["#x": "n"],
                message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"),
        Invalid(expression: "n = :v", values: [:], names: nil, message: "ExpressionAttributeValues must not be empty"),
        Invalid(expression: "#x = :v", values: [":v": 1], names: [:], message: "ExpressionAttributeNames must not be empty"),
        Invalid(expression: "n = :missing", values: [":v": 1], names: nil,
                message: "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :missing"),
        Invalid(expression: "#missing = :v", values: [":v": 1], names: nil,
                message: "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing"),
        Invalid(expression: "status = :v", values: [":v": 1], names: nil,
                message: "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status"),
    ]

    @Test("malformed expressions and attribute maps are refused with the service's message", arguments: invalid)
    func invalidExpression(_ testCase: Invalid) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let checkedByMoto = testCase.message.hasPrefix("ExpressionAttributeValues must not be empty")
            || testCase.message.contains("reserved keyword") || testCase.message.contains("ExpressionAttributeNames unused")
        try await knownDifference(.moto, "unused or undefined placeholders are not refused", when: !checkedByMoto) {
            await expectDynamoDBError(.validation, testCase.message) {
                _ = try await db.putItem(PutItemInput(
                    tableName: table, item: ["pk": "a"], conditionExpression: testCase.expression,
                    expressionAttributeNames: testCase.names, expressionAttributeValues: testCase.values))
            }
        }
    }

    @Test("syntax errors are ValidationExceptions naming the expression", arguments: [
        "n = ", "n == :v", "(n = :v", "n = :v AND", "size(n) = ", "unknown_fn(n)", "n BETWEEN :v",
    ])
    func syntaxError(_ expression: String) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await knownDifference(.moto, "a syntax error is an HTTP 500 or is accepted") {
            let error = await expectDynamoDBError(.validation) {
                _ = try await db.putItem(PutItemInput(
                    tableName: table, item: ["pk": "a"], conditionExpression: expression,
                    expressionAttributeValues: [":v": 1]))
            }
            #expect(error?.message.hasPrefix("Invalid ConditionExpression: ") == true)
        }
    }
}
