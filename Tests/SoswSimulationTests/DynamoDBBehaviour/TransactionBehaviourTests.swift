import SoswCore
import Testing

/// TransactWriteItems: all or nothing, one cancellation reason per action, distinct items, at most 100.
@Suite("DynamoDB behaviour: transactions")
struct TransactionBehaviourTests {
    @Test("a transaction applies every action across tables")
    func commits() async throws {
        let db = makeDynamoDBUnderTest()
        let tasks = try await BehaviourTables.simple(db)
        let closed = try await BehaviourTables.simple(db)
        try await db.put(tasks, ["pk": "t1", "state": "running"])
        try await db.put(tasks, ["pk": "t2", "v": 1])
        _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
            TransactWriteItem(delete: TransactDelete(tableName: tasks, key: ["pk": "t1"], conditionExpression: "attribute_exists(pk)")),
            TransactWriteItem(put: TransactPut(tableName: closed, item: ["pk": "t1", "state": "closed"])),
            TransactWriteItem(update: TransactUpdate(
                tableName: tasks, key: ["pk": "t2"], updateExpression: "ADD v :one", expressionAttributeValues: [":one": 1])),
            TransactWriteItem(conditionCheck: TransactConditionCheck(
                tableName: tasks, key: ["pk": "t3"], conditionExpression: "attribute_not_exists(pk)")),
        ]))
        #expect(try await db.get(tasks, ["pk": "t1"]) == nil)
        #expect(try await db.get(closed, ["pk": "t1"]) == ["pk": "t1", "state": "closed"])
        #expect(try await db.get(tasks, ["pk": "t2"]) == ["pk": "t2", "v": 2])
        #expect(try await db.get(tasks, ["pk": "t3"]) == nil)
    }

    @Test("one failed condition cancels everything, with a reason per action", arguments: [0, 1, 2])
    func rollback(_ failing: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        for index in 0..<3 { try await db.put(table, ["pk": .s("i\(index)"), "v": 0]) }
        let actions = (0..<3).map { index in
            TransactWriteItem(update: TransactUpdate(
                tableName: table, key: ["pk": .s("i\(index)")], updateExpression: "SET v = :one",
                conditionExpression: "v = :expected",
                expressionAttributeValues: [":one": 1, ":expected": index == failing ? 9 : 0],
                returnValuesOnConditionCheckFailure: .allOld))
        }
        let error = await expectDynamoDBError(.transactionCanceled) {
            _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: actions))
        }
        let codes = (0..<3).map { $0 == failing ? "ConditionalCheckFailed" : "None" }
        #expect(error?.cancellationReasons?.map(\.code) == codes)
        #expect(error?.message == "Transaction cancelled, please refer cancellation reasons for specific reasons [\(codes.joined(separator: ", "))]")
        #expect(error?.cancellationReasons?[failing].item == ["pk": .s("i\(failing)"), "v": 0])
        #expect(error?.cancellationReasons?[failing].message == "The conditional request failed")
        for index in 0..<3 {
            #expect(try await db.get(table, ["pk": .s("i\(index)")])?["v"] == 0)
        }
    }

    @Test("two actions on one item are refused")
    func sameItem() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.validation, "Transaction request cannot include multiple operations on one item") {
            _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                TransactWriteItem(put: TransactPut(tableName: table, item: ["pk": "a"])),
                TransactWriteItem(delete: TransactDelete(tableName: table, key: ["pk": "a"])),
            ]))
        }
    }

    @Test("100 actions commit; 101 are refused")
    func sizeLimit() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let actions = (0..<101).map { TransactWriteItem(put: TransactPut(tableName: table, item: ["pk": .s("k\($0)")])) }
        await expectDynamoDBError(.validation) {
            _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: actions))
        }
        _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: Array(actions.prefix(100))))
        #expect(try await db.scan(ScanInput(tableName: table, select: .count)).count == 100)
    }

    @Test("an update in a transaction creates a missing item")
    func updateCreates() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
            TransactWriteItem(update: TransactUpdate(
                tableName: table, key: ["pk": "n"], updateExpression: "SET v = :v", expressionAttributeValues: [":v": 1])),
        ]))
        #expect(try await db.get(table, ["pk": "n"]) == ["pk": "n", "v": 1])
    }

    @Test("a failed ConditionCheck cancels the writes")
    func conditionCheck() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "guard"])
        let error = await expectDynamoDBError(.transactionCanceled) {
            _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                TransactWriteItem(put: TransactPut(tableName: table, item: ["pk": "x"])),
                TransactWriteItem(conditionCheck: TransactConditionCheck(
                    tableName: table, key: ["pk": "guard"], conditionExpression: "attribute_not_exists(pk)")),
            ]))
        }
        #expect(error?.cancellationReasons?.map(\.code) == ["None", "ConditionalCheckFailed"])
        #expect(try await db.get(table, ["pk": "x"]) == nil)
    }

    @Test("an update that cannot apply to the stored item cancels the transaction with a ValidationError reason")
    func runtimeValidationError() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "text", "v": "not a number"])
        try await knownDifference(.moto, "a runtime update failure refuses the request with ValidationException") {
            let error = await expectDynamoDBError(.transactionCanceled) {
                _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(put: TransactPut(tableName: table, item: ["pk": "x"])),
                    TransactWriteItem(update: TransactUpdate(
                        tableName: table, key: ["pk": "text"], updateExpression: "ADD v :one",
                        expressionAttributeValues: [":one": 1])),
                ]))
            }
            #expect(error?.cancellationReasons?.map(\.code) == ["None", "ValidationError"])
            #expect(error?.cancellationReasons?[1].message == "An operand in the update expression has an incorrect data type")
            #expect(error?.message == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]")
        }
        #expect(try await db.get(table, ["pk": "x"]) == nil)
        #expect(try await db.get(table, ["pk": "text"]) == ["pk": "text", "v": "not a number"])
    }

    @Test("a problem with the request itself refuses the whole transaction, even after a failed condition")
    func requestValidationWins() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await knownDifference(.moto, "the failed condition cancels the transaction before the next action is validated") {
            await expectDynamoDBError(.validation) {
                _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: [
                    TransactWriteItem(conditionCheck: TransactConditionCheck(
                        tableName: table, key: ["pk": "missing"], conditionExpression: "attribute_exists(pk)")),
                    TransactWriteItem(update: TransactUpdate(
                        tableName: table, key: ["pk": "y"], updateExpression: "SET v = :unused_elsewhere",
                        expressionAttributeValues: [":unused_elsewhere": 1, ":extra": 2])),
                ]))
            }
        }
    }
}
