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

    /// A fake on a manual clock with the indexed behaviour table holding ``item``.
    static func seeded() async throws -> (db: InMemoryDynamoDB<ManualTestClock>, clock: ManualTestClock, table: String) {
        let clock = ManualTestClock()
        let db = InMemoryDynamoDB(clock: clock, random: SeededRandom(seed: 3))
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, item)
        return (db, clock, table)
    }

    static func queued(_ db: some DynamoDB, _ table: String) async throws -> [DynamoItem] {
        try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"])).items ?? []
    }

    /// Updates the item `a`/1 of the table.
    static func update(
        _ db: some DynamoDB, _ table: String, _ expression: String, names: [String: String]? = nil,
        values: DynamoItem, returnValues: ReturnValues? = nil, capacity: ReturnConsumedCapacity? = nil
    ) async throws -> UpdateItemOutput {
        try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: expression, expressionAttributeNames: names,
            expressionAttributeValues: values, returnValues: returnValues, returnConsumedCapacity: capacity))
    }

    /// The table holds `expected` as item `a`/1, and the ALL index shows it.
    static func expectStored(
        _ expected: DynamoItem, in db: some DynamoDB, _ table: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == expected, sourceLocation: sourceLocation)
        #expect(try await queued(db, table) == [expected], sourceLocation: sourceLocation)
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
        let (db, _, table) = try await Self.seeded()
        await expectDynamoDBError(.validation) {
            _ = try await Self.update(db, table, expression, names: ["#s": "status"], values: values)
        }
        try await Self.expectStored(Self.item, in: db, table)
        // The next update of the item starts from the whole item.
        _ = try await Self.update(db, table, "ADD #c :one", names: ["#c": "count"], values: [":one": 1])
        var expected = Self.item
        expected["count"] = 2
        try await Self.expectStored(expected, in: db, table)
    }

    @Test("items handed out before an update keep their values")
    func earlierAnswers() async throws {
        let (db, _, table) = try await Self.seeded()
        let got = try await db.get(table, ["pk": "a", "sk": 1])
        let listed = try await Self.queued(db, table)
        _ = try await Self.update(
            db, table, "SET note = :v ADD #c :one", names: ["#c": "count"], values: [":v": "changed", ":one": 1])
        #expect(got == Self.item)
        #expect(listed == [Self.item])
        var expected = Self.item
        expected["note"] = "changed"
        expected["count"] = 2
        try await Self.expectStored(expected, in: db, table)
    }

    @Test("a lagging index shows the old item until the lag has passed")
    func laggingIndex() async throws {
        let (db, clock, table) = try await Self.seeded()
        db.setIndexLag(.fixed(.seconds(1)), forTable: table, index: "byStatus")
        _ = try await Self.update(db, table, "SET note = :v", values: [":v": "changed"])
        #expect(try await Self.queued(db, table) == [Self.item])
        // Lag turned off with the write still in flight: the next update must neither change the image that write
        // holds nor overtake it.
        db.setIndexLag(nil, forTable: table, index: "byStatus")
        _ = try await Self.update(db, table, "SET note = :v", values: [":v": "again"])
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
        let (db, _, table) = try await Self.seeded()
        let output = try await Self.update(db, table, "SET note = :v", values: [":v": "changed"], returnValues: returnValues)
        #expect(output.attributes == (returnValues == .allOld ? Self.item : ["note": "n"]))
    }

    @Test("an update that changes nothing in an index counts no write to it")
    func unchangedIndexCapacity() async throws {
        let (db, _, table) = try await Self.seeded()
        let output = try await Self.update(db, table, "SET note = :v", values: [":v": "n"], capacity: .indexes)
        #expect(output.consumedCapacity?.globalSecondaryIndexes == nil)
        #expect(output.consumedCapacity?.localSecondaryIndexes == nil)
    }
}
