import SoswCore
import Testing

/// TransactGetItems: one response per read in request order, projections, at most 100 reads, and the whole
/// request refused when a table is missing.
@Suite("DynamoDB behaviour: transactional reads")
struct TransactGetBehaviourTests {
    static func get(_ table: String, _ key: DynamoItem, projection: String? = nil, names: [String: String]? = nil)
        -> TransactGetItem
    {
        TransactGetItem(get: TransactGet(
            tableName: table, key: key, projectionExpression: projection, expressionAttributeNames: names))
    }

    @Test("reads across tables answer in request order, an absent item with no Item")
    func reads() async throws {
        let db = makeDynamoDBUnderTest()
        let tasks = try await BehaviourTables.simple(db)
        let ranged = try await BehaviourTables.ranged(db)
        try await db.put(tasks, ["pk": "t1", "v": 1])
        try await db.put(ranged, ["pk": "p", "sk": 2, "note": "x"])
        let output = try await db.transactGetItems(TransactGetItemsInput(transactItems: [
            Self.get(ranged, ["pk": "p", "sk": 2]),
            Self.get(tasks, ["pk": "missing"]),
            Self.get(tasks, ["pk": "t1"]),
        ]))
        #expect(output.responses?.map(\.item) == [["pk": "p", "sk": 2, "note": "x"], nil, ["pk": "t1", "v": 1]])
    }

    @Test("ProjectionExpression returns the named attributes only")
    func projection() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "a", "size": 3, "note": "n", "m": .m(["x": 1, "y": 2])])
        let output = try await db.transactGetItems(TransactGetItemsInput(transactItems: [
            Self.get(table, ["pk": "a"], projection: "#s, m.y", names: ["#s": "size"])
        ]))
        try await knownDifference(.moto, "ignores ProjectionExpression") {
            #expect(output.responses?.first?.item == ["size": 3, "m": .m(["y": 2])])
        }
    }

    @Test("100 reads are taken, 101 refused")
    func count() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let reads = (0..<101).map { Self.get(table, ["pk": .s("k\($0)")]) }
        try await knownDifference(.moto, "takes at most 25 reads") {
            let output = try await db.transactGetItems(TransactGetItemsInput(transactItems: Array(reads.prefix(100))))
            #expect(output.responses?.count == 100)
        }
        await expectDynamoDBError(.validation) {
            _ = try await db.transactGetItems(TransactGetItemsInput(transactItems: reads))
        }
    }

    @Test("a missing table refuses the whole request")
    func missingTable() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.resourceNotFound) {
            _ = try await db.transactGetItems(TransactGetItemsInput(transactItems: [
                Self.get(table, ["pk": "a"]), Self.get(BehaviourTables.uniqueName(), ["pk": "a"]),
            ]))
        }
    }

    @Test("a transactional read costs two read units per 4 KB")
    func capacity() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, ["pk": "big", "blob": .s(String(repeating: "x", count: 5000))])
        let output = try await db.transactGetItems(TransactGetItemsInput(
            transactItems: [Self.get(table, ["pk": "big"]), Self.get(table, ["pk": "none"])],
            returnConsumedCapacity: .total))
        try await knownDifference(.moto, "no capacity for transactions") {
            #expect(output.consumedCapacity?.first?.capacityUnits == 6)
        }
    }
}
