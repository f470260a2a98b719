import SoswCore
import SoswSimulation
import Testing

/// A lone UpdateItem changes the stored item's attributes in place when nothing needs the old ones: these tests
/// hold the fake to what a copy would give. A refused update leaves the item whole (in the table and in every
/// index), answers handed out earlier keep their values, and whatever still needs the old item (a lagging
/// index, ALL_OLD, UPDATED_OLD, capacity) still sees it.
@Suite("InMemoryDynamoDB: updates in place")
struct InPlaceUpdateTests {
    static let item: DynamoItem = ["pk": "a", "sk": 1, "status": "queued", "at": 10, "note": "n", "count": 1]

    static func fake() -> (InMemoryDynamoDB<ManualTestClock>, ManualTestClock) {
        let clock = ManualTestClock()
        return (InMemoryDynamoDB(clock: clock, random: SeededRandom(seed: 3)), clock)
    }

    static func queued(_ db: some DynamoDB, _ table: String) async throws -> [DynamoItem] {
        try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"])).items ?? []
    }

    @Test(
        "a refused update leaves the item whole, in the table and its indexes",
        arguments: [
            // The first action applies, the second cannot.
            ("SET note = :v ADD #s :one", [":v": "changed", ":one": 1] as DynamoItem),
            // Every action applies; the result has an index key of the wrong type.
            ("SET note = :v, #s = :one", [":v": "changed", ":one": 1]),
            // Every action applies; the result is too large.
            ("SET note = :v, big = :big", [":v": "changed", ":big": .s(String(repeating: "x", count: 400 * 1024))]),
        ])
    func refusedUpdate(_ expression: String, _ values: DynamoItem) async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, Self.item)
        await expectDynamoDBError(.validation) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "a", "sk": 1], updateExpression: expression,
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: values))
        }
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == Self.item)
        #expect(try await Self.queued(db, table) == [Self.item])
        // The next update of the item starts from the whole item.
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "ADD #c :one",
            expressionAttributeNames: ["#c": "count"], expressionAttributeValues: [":one": 1]))
        var expected = Self.item
        expected["count"] = 2
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == expected)
        #expect(try await Self.queued(db, table) == [expected])
    }

    @Test("items handed out before an update keep their values")
    func earlierAnswers() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, Self.item)
        let got = try await db.get(table, ["pk": "a", "sk": 1])
        let listed = try await Self.queued(db, table)
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v ADD #c :one",
            expressionAttributeNames: ["#c": "count"], expressionAttributeValues: [":v": "changed", ":one": 1]))
        #expect(got == Self.item)
        #expect(listed == [Self.item])
        var expected = Self.item
        expected["note"] = "changed"
        expected["count"] = 2
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == expected)
        #expect(try await Self.queued(db, table) == [expected])
    }

    @Test("a lagging index shows the old item until the lag has passed")
    func laggingIndex() async throws {
        let (db, clock) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, Self.item)
        db.setIndexLag(.fixed(.seconds(1)), forTable: table, index: "byStatus")
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v",
            expressionAttributeValues: [":v": "changed"]))
        #expect(try await Self.queued(db, table) == [Self.item])
        // Lag turned off with the write still in flight: the next update must neither change the image that write
        // holds nor overtake it.
        db.setIndexLag(nil, forTable: table, index: "byStatus")
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v",
            expressionAttributeValues: [":v": "again"]))
        var expected = Self.item
        expected["note"] = "again"
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == expected)
        #expect(try await Self.queued(db, table) == [Self.item])
        clock.advance(by: .milliseconds(999))
        #expect(try await Self.queued(db, table) == [Self.item])
        clock.advance(by: .milliseconds(1))
        #expect(try await Self.queued(db, table) == [expected])
    }

    @Test("ALL_OLD and UPDATED_OLD still return the attributes as they were", arguments: [ReturnValues.allOld, .updatedOld])
    func oldImages(_ returnValues: ReturnValues) async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, Self.item)
        let output = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v",
            expressionAttributeValues: [":v": "changed"], returnValues: returnValues))
        #expect(output.attributes == (returnValues == .allOld ? Self.item : ["note": "n"]))
    }

    @Test("an update that changes nothing in an index counts no write to it")
    func unchangedIndexCapacity() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, Self.item)
        let output = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v",
            expressionAttributeValues: [":v": "n"], returnConsumedCapacity: .indexes))
        #expect(output.consumedCapacity?.globalSecondaryIndexes == nil)
        #expect(output.consumedCapacity?.localSecondaryIndexes == nil)
    }
}
