import PropertyBased
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
            expressionAttributeValues: values.isEmpty ? nil : values, returnValues: returnValues,
            returnConsumedCapacity: capacity))
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

    /// Updates that grow, shrink and nest the item, add to and delete from a set, move it between index
    /// partitions and out of the index, and three that are refused (too large, a nested path under a missing map,
    /// an index key of the wrong type).
    static let updateMenu: [(expression: String, names: [String: String]?, values: DynamoItem)] = [
        ("SET note = :v", nil, [":v": .s(String(repeating: "x", count: 3000))]),
        ("SET note = :v", nil, [":v": "n"]),
        ("REMOVE note", nil, [:]),
        ("ADD tags :t", nil, [":t": .ss(["a", "b"])]),
        ("DELETE tags :t", nil, [":t": .ss(["a"])]),
        ("SET doc = :m", nil, [":m": .m(["x": 1])]),
        ("SET doc.y = :v", nil, [":v": "deep"]),
        ("SET doc.x = :v, doc.z = :w", nil, [":v": .s(String(repeating: "y", count: 500)), ":w": .ss(["s"])]),
        ("ADD #c :one", ["#c": "count"], [":one": 1]),
        ("SET #s = :v, at = at + :one", ["#s": "status"], [":v": "running", ":one": 1]),
        ("SET #s = :v", ["#s": "status"], [":v": "queued"]),
        ("REMOVE #s", ["#s": "status"], [:]),
        ("SET big = :v", nil, [":v": .s(String(repeating: "x", count: 400 * 1024))]),
        ("SET #s = :v", ["#s": "status"], [":v": 1]),
        ("SET owner = :o", nil, [":o": "ann"]),
        ("SET owner = :o, note = :v", nil, [":o": "bob", ":v": "owned"]),
        ("REMOVE owner", nil, [:]),
        ("SET at = :v", nil, [":v": 7]),
        ("REMOVE at", nil, [:]),
    ]

    /// The indexes of the behaviour table: their key attributes, and the attributes they copy (nil for all).
    static let indexes: [(name: String, keys: [String], projected: Set<String>?)] = [
        ("byStatus", ["status", "at"], nil),
        ("byOwner", ["owner"], ["pk", "sk", "owner"]),
        ("byOwnerAt", ["owner", "at"], ["pk", "sk", "owner", "at", "note"]),
        ("byAt", ["pk", "at"], ["pk", "sk", "at"]),
    ]

    @Test("after any updates, refused ones included, the table's size and its indexes follow the stored item")
    func sizesAndIndexesFollowUpdates() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...(Self.updateMenu.count - 1)).array(of: 1...30)) { choices in
            let (db, _, table) = try await Self.seeded()
            for choice in choices {
                let (expression, names, values) = Self.updateMenu[choice]
                _ = try? await Self.update(db, table, expression, names: names, values: values)
                let stored = try #require(try await db.get(table, ["pk": "a", "sk": 1]))
                let description = try #require(try await db.describeTable(DescribeTableInput(tableName: table)).table)
                #expect(description.tableSizeBytes == Int64(dynamoItemSize(stored)), "after \(expression)")
                #expect(try await Self.queued(db, table) == (stored["status"] == "queued" ? [stored] : []))
                var indexSizes: [String: Int64?] = [:]
                for index in description.globalSecondaryIndexes ?? [] { indexSizes[index.indexName] = index.indexSizeBytes }
                for index in description.localSecondaryIndexes ?? [] { indexSizes[index.indexName] = index.indexSizeBytes }
                for index in Self.indexes {
                    let isIn = index.keys.allSatisfy { stored[$0] != nil }
                    let image = index.projected.map { names in stored.filter { names.contains($0.key) } } ?? stored
                    #expect(
                        indexSizes[index.name] == Int64(isIn ? dynamoItemSize(image) : 0),
                        "\(index.name) after \(expression)")
                }
            }
        }
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
