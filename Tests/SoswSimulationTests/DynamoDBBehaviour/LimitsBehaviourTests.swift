import SoswCore
import Testing

/// DynamoDB's hard limits: key value sizes, nesting depth, a transaction's total size and empty attribute names.
@Suite("DynamoDB behaviour: limits")
struct LimitsBehaviourTests {
    static let hashKeyTooLarge =
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
    static let rangeKeyTooLarge =
        "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"

    @Test("a partition key over 2,048 bytes or a sort key over 1,024 is refused on every item operation")
    func keySizes() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.stringRanged(db)
        let longestPartition = String(repeating: "p", count: 2048)
        let longestSort = String(repeating: "s", count: 1024)
        try await db.put(table, ["pk": .s(longestPartition), "name": .s(longestSort)])
        #expect(try await db.get(table, ["pk": .s(longestPartition), "name": .s(longestSort)]) != nil)

        let tooLongPartition: DynamoItem = ["pk": .s(longestPartition + "p"), "name": "a"]
        let tooLongSort: DynamoItem = ["pk": "a", "name": .s(longestSort + "s")]
        await expectDynamoDBError(.validation, Self.hashKeyTooLarge) { try await db.put(table, tooLongPartition) }
        await expectDynamoDBError(.validation, Self.rangeKeyTooLarge) { try await db.put(table, tooLongSort) }
        try await knownDifference(.moto, "only PutItem checks key sizes") {
            for (key, message) in [(tooLongPartition, Self.hashKeyTooLarge), (tooLongSort, Self.rangeKeyTooLarge)] {
                await expectDynamoDBError(.validation, message) { _ = try await db.get(table, key) }
                await expectDynamoDBError(.validation, message) {
                    _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: key))
                }
                await expectDynamoDBError(.validation, message) {
                    _ = try await db.updateItem(UpdateItemInput(
                        tableName: table, key: key, updateExpression: "SET v = :v", expressionAttributeValues: [":v": 1]))
                }
            }
        }
    }

    @Test("an index key over its size limit is refused, by a put or an update")
    func indexKeySizes() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.indexed(db)
        let tooLongStatus = String(repeating: "x", count: 2049)
        try await knownDifference(.moto, "index key sizes are not checked") {
            await expectDynamoDBError(
                .validation,
                "One or more parameter values were invalid: Size limit exceeded for Index Key status Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: byStatus"
            ) {
                try await db.put(table, ["pk": "a", "sk": 1, "status": .s(tooLongStatus), "at": 1])
            }
            try await db.put(table, ["pk": "a", "sk": 2, "owner": "o"])
            await expectDynamoDBError(
                .validation,
                "One or more parameter values were invalid: Size limit exceeded for Index Key owner Actual Size: 2049 bytes Max Size: 2048 bytes IndexName: byOwner"
            ) {
                _ = try await db.updateItem(UpdateItemInput(
                    tableName: table, key: ["pk": "a", "sk": 2], updateExpression: "SET #o = :o",
                    expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": .s(tooLongStatus)]))
            }
            let unchanged = try await db.get(table, ["pk": "a", "sk": 2])
            #expect(unchanged == ["pk": "a", "sk": 2, "owner": "o"])
        }
    }

    /// `scalar` inside `containers` maps, one in the other.
    static func nested(_ containers: Int, around scalar: AttributeValue = 1) -> AttributeValue {
        (0..<containers).reduce(scalar) { inner, _ in .m(["n": inner]) }
    }

    @Test("a value nested deeper than 32 levels is refused, by a put or an update")
    func nesting() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let message =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"
        try await db.put(table, ["pk": "a", "doc": Self.nested(31)])
        #expect(try await db.get(table, ["pk": "a"])?["doc"] == Self.nested(31))
        try await knownDifference(.moto, "nesting depth is not checked") {
            await expectDynamoDBError(.validation, message) {
                try await db.put(table, ["pk": "b", "doc": .l([Self.nested(31)])])
            }
            await expectDynamoDBError(.validation, message) {
                _ = try await db.updateItem(UpdateItemInput(
                    tableName: table, key: ["pk": "a"], updateExpression: "SET doc.n = :deep",
                    expressionAttributeValues: [":deep": Self.nested(31)]))
            }
            let refused = try await db.get(table, ["pk": "b"])
            let kept = try await db.get(table, ["pk": "a"])
            #expect(refused == nil)
            #expect(kept?["doc"] == Self.nested(31))
        }
    }

    @Test("a TransactWriteItems over 4 MB in all is refused and writes nothing")
    func transactionSize() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        // Eleven items of about 390 KB: each under the item limit, 4.29 MB together.
        let payload = AttributeValue.s(String(repeating: "x", count: 390_000))
        let puts = (0..<11).map { index in
            TransactWriteItem(put: TransactPut(tableName: table, item: ["pk": .s("item-\(index)"), "payload": payload]))
        }
        try await knownDifference(.moto, "a transaction's total size is not checked") {
            await expectDynamoDBError(.validation, "Transaction request cannot be larger than 4 MB") {
                _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: puts))
            }
            let first = try await db.get(table, ["pk": "item-0"])
            #expect(first == nil)
        }
        _ = try await db.transactWriteItems(TransactWriteItemsInput(transactItems: Array(puts.prefix(10))))
        #expect(try await db.get(table, ["pk": "item-9"])?["payload"] == payload)
    }

    @Test("an empty attribute name is refused in an item, a key or ExpressionAttributeNames")
    func emptyAttributeNames() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "v": 1])
        try await knownDifference(.moto, "empty attribute names are stored, or get another message") {
            let message = "One or more parameter values were invalid: Empty attribute name"
            await expectDynamoDBError(.validation, message) { try await db.put(table, ["pk": "b", "": 1]) }
            await expectDynamoDBError(.validation, message) { _ = try await db.get(table, ["pk": "a", "": 1]) }
            await expectDynamoDBError(
                .validation, "ExpressionAttributeNames contains invalid value: Empty attribute name for key #e"
            ) {
                _ = try await db.updateItem(UpdateItemInput(
                    tableName: table, key: ["pk": "a"], updateExpression: "SET #e = :v",
                    expressionAttributeNames: ["#e": ""], expressionAttributeValues: [":v": 2]))
            }
            let refused = try await db.get(table, ["pk": "b"])
            let unchanged = try await db.get(table, ["pk": "a"])
            #expect(refused == nil)
            #expect(unchanged == ["pk": "a", "v": 1])
        }
    }
}
