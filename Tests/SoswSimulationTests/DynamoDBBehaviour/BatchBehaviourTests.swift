import SoswCore
import Testing

/// BatchWriteItem (up to 25) and BatchGetItem (up to 100).
@Suite("DynamoDB behaviour: batches")
struct BatchBehaviourTests {
    static func puts(_ count: Int, from start: Int = 0) -> [WriteRequest] {
        (start..<start + count).map { WriteRequest(putRequest: PutRequest(item: ["pk": .s("k\($0)"), "v": .n(DynamoNumber($0))])) }
    }

    @Test("25 writes over two tables are applied, with nothing unprocessed")
    func writes() async throws {
        let db = makeDynamoDBUnderTest()
        let first = try await BehaviourTables.simple(db)
        let second = try await BehaviourTables.simple(db)
        try await knownDifference(.moto, "the same key in two tables counts as a duplicate") {
            let output = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [
                first: Self.puts(20), second: Self.puts(5),
            ]))
            #expect(output.unprocessedItems?.isEmpty ?? true)
            #expect(try await db.scan(ScanInput(tableName: first, select: .count)).count == 20)
            #expect(try await db.get(second, ["pk": "k4"]) == ["pk": "k4", "v": 4])
        }
    }

    @Test("batch deletes remove items")
    func deletes() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: Self.puts(5)]))
        _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: [
            WriteRequest(deleteRequest: DeleteRequest(key: ["pk": "k1"])),
            WriteRequest(deleteRequest: DeleteRequest(key: ["pk": "k3"])),
            WriteRequest(deleteRequest: DeleteRequest(key: ["pk": "missing"])),
        ]]))
        #expect(try await db.scan(ScanInput(tableName: table, select: .count)).count == 3)
    }

    @Test("26 writes, duplicate keys or an invalid item refuse the whole batch", arguments: 0..<3)
    func refused(_ number: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let requests: [[WriteRequest]] = [
            Self.puts(26),
            Self.puts(3) + Self.puts(1),
            Self.puts(3) + [WriteRequest(putRequest: PutRequest(item: ["pk": 1]))],
        ]
        try await knownDifference(.moto, "26 writes are accepted; an invalid item refuses only itself", when: number != 1) {
            await expectDynamoDBError(.validation) {
                _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: requests[number]]))
            }
            let stored = try await db.scan(ScanInput(tableName: table, select: .count)).count
            #expect(stored == 0)
        }
    }

    @Test("duplicate keys in a batch write are named as such")
    func duplicateMessage() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.validation, "Provided list of item keys contains duplicates") {
            _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: Self.puts(2) + Self.puts(1)]))
        }
    }

    @Test("BatchGetItem returns the items that exist, projected when asked")
    func gets() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: Self.puts(5)]))
        let output = try await db.batchGetItem(BatchGetItemInput(requestItems: [
            table: KeysAndAttributes(keys: [["pk": "k1"], ["pk": "k2"], ["pk": "nope"]], projectionExpression: "v"),
        ]))
        let values = (output.responses?[table] ?? []).compactMap { $0["v"]?.numberValue?.int64Value }.sorted()
        #expect(values == [1, 2])
        #expect(output.unprocessedKeys?.isEmpty ?? true)
    }

    @Test("BatchGetItem takes at most 100 keys and no duplicates")
    func getLimits() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let hundred: [DynamoItem] = (0..<100).map { ["pk": .s("k\($0)")] }
        let output = try await db.batchGetItem(BatchGetItemInput(requestItems: [table: KeysAndAttributes(keys: hundred)]))
        #expect(output.responses?[table]?.isEmpty ?? true)
        try await knownDifference(.moto, "101 keys get a generic length-constraint message") {
            await expectDynamoDBError(.validation, "Too many items requested for the BatchGetItem call") {
                _ = try await db.batchGetItem(BatchGetItemInput(requestItems: [
                    table: KeysAndAttributes(keys: hundred + [["pk": "k100"]]),
                ]))
            }
        }
        await expectDynamoDBError(.validation, "Provided list of item keys contains duplicates") {
            _ = try await db.batchGetItem(BatchGetItemInput(requestItems: [
                table: KeysAndAttributes(keys: [["pk": "a"], ["pk": "a"]]),
            ]))
        }
    }

    @Test("a batch naming a missing table is ResourceNotFoundException")
    func missingTable() async throws {
        let db = makeDynamoDBUnderTest()
        await expectDynamoDBError(.resourceNotFound) {
            _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [BehaviourTables.uniqueName(): Self.puts(1)]))
        }
    }
}
