import SoswCore
import Testing

/// Secondary indexes: sparse membership, projections, ordering of non-unique keys, maintenance on update and
/// delete, and what may be asked of each kind.
@Suite("DynamoDB behaviour: indexes")
struct IndexBehaviourTests {
    static func seeded(_ db: any DynamoDB) async throws -> String {
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, ["pk": "a", "sk": 1, "status": "queued", "at": 30, "owner": "ann", "note": "n1", "extra": 1])
        try await db.put(table, ["pk": "a", "sk": 2, "status": "queued", "at": 10, "owner": "bob", "note": "n2", "extra": 2])
        try await db.put(table, ["pk": "b", "sk": 1, "status": "queued", "at": 20, "owner": "ann", "extra": 3])
        try await db.put(table, ["pk": "b", "sk": 2, "status": "done", "at": 5])
        try await db.put(table, ["pk": "c", "sk": 1, "extra": 4])
        return table
    }

    static func keys(_ items: [DynamoItem]?) -> [String] {
        (items ?? []).map { "\($0["pk"]?.stringValue ?? "?")\($0["sk"]?.numberValue?.text ?? "?")" }
    }

    @Test("a global index orders by its own sort key and leaves out items without its key")
    func sparseGlobal() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let queued = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"]))
        #expect(Self.keys(queued.items) == ["a2", "b1", "a1"])
        let scan = try await db.scan(ScanInput(tableName: table, indexName: "byStatus"))
        #expect(scan.count == 4)
    }

    @Test("a range query on a global index", arguments: [
        ("#s = :s AND #at < :t", 25 as Int64, ["a2", "b1"]),
        ("#s = :s AND #at >= :t", 20, ["b1", "a1"]),
        ("#s = :s AND #at = :t", 30, ["a1"]),
    ])
    func rangeOnGlobal(_ expression: String, _ bound: Int64, _ expected: [String]) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: expression,
            expressionAttributeNames: ["#s": "status", "#at": "at"],
            expressionAttributeValues: [":s": "queued", ":t": .n(DynamoNumber(bound))]))
        #expect(Self.keys(output.items) == expected)
    }

    @Test("KEYS_ONLY projects the table and index keys only")
    func keysOnly() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, indexName: "byOwner", keyConditionExpression: "#o = :o",
            expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": "bob"]))
        #expect(output.items == [["pk": "a", "sk": 2, "owner": "bob"]])
    }

    @Test("INCLUDE projects the keys and the listed attributes")
    func include() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, indexName: "byOwnerAt", keyConditionExpression: "#o = :o",
            expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": "ann"]))
        #expect(output.items == [
            ["pk": "b", "sk": 1, "owner": "ann", "at": 20],
            ["pk": "a", "sk": 1, "owner": "ann", "at": 30, "note": "n1"],
        ])
    }

    @Test("ALL projects every attribute")
    func all() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "done"]))
        #expect(output.items == [["pk": "b", "sk": 2, "status": "done", "at": 5]])
    }

    @Test("a local index can return all attributes, fetched from the table")
    func localAllAttributes() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let projected = try await db.query(QueryInput(
            tableName: table, indexName: "byAt", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "a"]))
        #expect(projected.items == [["pk": "a", "sk": 2, "at": 10], ["pk": "a", "sk": 1, "at": 30]])
        let full = try await db.query(QueryInput(
            tableName: table, indexName: "byAt", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "a"],
            select: .allAttributes, consistentRead: true))
        try await knownDifference(.moto, "ALL_ATTRIBUTES on a local index returns only the projection") {
            #expect(full.items?.first?["extra"] == 2)
        }
    }

    @Test("a global index refuses consistent reads and ALL_ATTRIBUTES beyond its projection")
    func globalRefusals() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        await expectDynamoDBError(.validation, "Consistent reads are not supported on global secondary indexes") {
            _ = try await db.query(QueryInput(
                tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "done"], consistentRead: true))
        }
        try await knownDifference(.moto, "ALL_ATTRIBUTES on a global index that does not project all is answered") {
            await expectDynamoDBError(
                .validation,
                "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byOwner because its projection type is not ALL"
            ) {
                _ = try await db.query(QueryInput(
                    tableName: table, indexName: "byOwner", keyConditionExpression: "#o = :o",
                    expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": "ann"], select: .allAttributes))
            }
        }
    }

    @Test("updates move items between index partitions; removing the key drops them")
    func maintenance() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET #s = :d",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":d": "done"]))
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "b", "sk": 1], updateExpression: "REMOVE #s",
            expressionAttributeNames: ["#s": "status"]))
        _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "b", "sk": 2]))
        func status(_ value: String) async throws -> [String] {
            Self.keys(try await db.query(QueryInput(
                tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": .s(value)])).items)
        }
        #expect(try await status("queued") == ["a2"])
        #expect(try await status("done") == ["a1"])
    }

    @Test("non-unique index keys page correctly")
    func duplicatesPaging() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.indexed(db)
        for sk in 1...7 { try await db.put(table, ["pk": "x", "sk": .n(DynamoNumber(sk)), "status": "same", "at": 1]) }
        var seen: [String] = []
        var start: DynamoItem?
        repeat {
            let output = try await db.query(QueryInput(
                tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "same"], limit: 2,
                exclusiveStartKey: start))
            seen += Self.keys(output.items)
            start = output.lastEvaluatedKey
            if let start { #expect(Set(start.keys) == ["pk", "sk", "status", "at"]) }
        } while start != nil
        #expect(seen == (1...7).map { "x\($0)" })
    }

    @Test("DescribeTable reports indexes and counts")
    func describe() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let description = try #require(try await db.describeTable(DescribeTableInput(tableName: table)).table)
        #expect(description.itemCount == 5)
        #expect(description.globalSecondaryIndexes?.map(\.indexName) == ["byStatus", "byOwner", "byOwnerAt"])
        #expect(description.tableStatus == .active)
        try await knownDifference(.moto, "indexes have no ItemCount and the table no TableSizeBytes") {
            #expect(description.globalSecondaryIndexes?.first { $0.indexName == "byStatus" }?.itemCount == 4)
            #expect(description.localSecondaryIndexes?.first?.itemCount == 4)
            #expect((description.tableSizeBytes ?? 0) > 0)
        }
    }
}
