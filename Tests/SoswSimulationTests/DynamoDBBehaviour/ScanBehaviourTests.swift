import SoswCore
import Testing

/// Scan: the whole table or index, with the same paging, filters and Select as Query, and parallel segments.
@Suite("DynamoDB behaviour: scan")
struct ScanBehaviourTests {
    static func keys(_ items: [DynamoItem]?) -> [String] {
        (items ?? []).map { "\($0["pk"]?.stringValue ?? "?")\($0["sk"]?.numberValue?.text ?? "?")" }
    }

    @Test("Limit pages through the table; every item is seen exactly once", arguments: [1, 4, 13, 20])
    func paging(_ limit: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await QueryBehaviourTests.seeded(db)
        var seen: [String] = []
        var start: DynamoItem?
        repeat {
            let output = try await db.scan(ScanInput(tableName: table, limit: limit, exclusiveStartKey: start))
            #expect(output.scannedCount <= limit)
            seen += Self.keys(output.items)
            start = output.lastEvaluatedKey
        } while start != nil
        #expect(seen.count == 13)
        #expect(Set(seen).count == 13)
    }

    @Test("a filtered scan counts matches and reads")
    func filter() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await QueryBehaviourTests.seeded(db)
        let output = try await db.scan(ScanInput(
            tableName: table, filterExpression: "odd = :t", expressionAttributeValues: [":t": true]))
        #expect(output.count == 5)
        #expect(output.scannedCount == 13)
        let counted = try await db.scan(ScanInput(tableName: table, select: .count))
        try await knownDifference(.moto, "Select COUNT still returns the items") {
            #expect(counted.items == nil)
        }
        #expect(counted.count == 13)
    }

    @Test("parallel segments partition the table", arguments: [1, 2, 3, 7])
    func segments(_ total: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        for index in 0..<30 { try await db.put(table, ["pk": .s("item\(index)")]) }
        var seen: [String] = []
        for segment in 0..<total {
            let output = try await db.scan(ScanInput(tableName: table, segment: segment, totalSegments: total))
            seen += (output.items ?? []).compactMap { $0["pk"]?.stringValue }
        }
        #expect(seen.count == 30)
        #expect(Set(seen).count == 30)
    }

    @Test("segment parameters are checked")
    func invalidSegments() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.validation) { _ = try await db.scan(ScanInput(tableName: table, segment: 2, totalSegments: 2)) }
        await expectDynamoDBError(.validation) { _ = try await db.scan(ScanInput(tableName: table, segment: 0)) }
        await expectDynamoDBError(.validation) { _ = try await db.scan(ScanInput(tableName: table, totalSegments: 2)) }
    }

    @Test("a scan of a sparse index sees only the items that have its key")
    func sparseIndex() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await IndexBehaviourTests.seeded(db)
        let owners = try await db.scan(ScanInput(tableName: table, indexName: "byOwner"))
        #expect(owners.count == 3)
        #expect(Set(owners.items?.flatMap { $0.keys } ?? []) == ["pk", "sk", "owner"])
    }
}
