import SoswCore
import SoswSimulation
import Testing

/// The fake's simulation hooks: virtual latency, injected throttling and global-index lag — all off by default.
@Suite("InMemoryDynamoDB simulation hooks")
struct InMemoryDynamoDBHooksTests {
    static func fake(seed: UInt64 = 1) -> (InMemoryDynamoDB<ManualTestClock>, ManualTestClock) {
        let clock = ManualTestClock()
        return (InMemoryDynamoDB(clock: clock, random: SeededRandom(seed: seed)), clock)
    }

    @Test("hooks are off by default: no time passes, nothing is refused")
    func offByDefault() async throws {
        let (db, clock) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        try await db.put(table, ["pk": "a", "sk": 1, "status": "queued", "at": 1])
        let output = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"]))
        #expect(output.count == 1)
        #expect(clock.now.offset == .zero)
    }

    @Test("a call suspends on the clock for its latency, per table or by default")
    func latency() async throws {
        let (db, clock) = Self.fake()
        let table = try await BehaviourTables.simple(db)
        db.setLatency(.fixed(.milliseconds(5)), forTable: table)
        try await db.put(table, ["pk": "a"])
        #expect(clock.now.offset == .milliseconds(5))
        db.setLatency(.fixed(.milliseconds(2)))
        _ = try await db.createTable(CreateTableInput(
            tableName: "other-table", keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        #expect(clock.now.offset == .milliseconds(7))
        db.setLatency(nil, forTable: table)
        db.setLatency(nil)
        try await db.put(table, ["pk": "b"])
        #expect(clock.now.offset == .milliseconds(7))
    }

    @Test("log-normal latencies are positive, spread, and repeat with the seed")
    func seededLatency() async throws {
        func totalTime(seed: UInt64) async throws -> [Duration] {
            let (db, clock) = Self.fake(seed: seed)
            let table = try await BehaviourTables.simple(db)
            db.setLatency(.lognormal(median: .milliseconds(5), p99: .milliseconds(25)), forTable: table)
            var times: [Duration] = []
            for index in 0..<50 {
                let before = clock.now
                try await db.put(table, ["pk": .s("k\(index)")])
                times.append(before.duration(to: clock.now))
            }
            return times
        }
        let first = try await totalTime(seed: 42)
        #expect(try await totalTime(seed: 42) == first)
        #expect(try await totalTime(seed: 43) != first)
        #expect(first.allSatisfy { $0 > .zero })
        #expect(Set(first).count > 40)
    }

    @Test("throttling refuses requests inside its window with the configured error")
    func throttling() async throws {
        let (db, clock) = Self.fake()
        let table = try await BehaviourTables.simple(db)
        let window = clock.now.advanced(by: .seconds(10))..<clock.now.advanced(by: .seconds(20))
        db.setThrottling(ThrottlingFault(probability: 1, window: window), forTable: table)
        try await db.put(table, ["pk": "before"])
        clock.advance(by: .seconds(10))
        await expectDynamoDBError(.provisionedThroughputExceeded) { try await db.put(table, ["pk": "during"]) }
        db.setThrottling(ThrottlingFault(probability: 1, window: window, kind: .throttling), forTable: table)
        await expectDynamoDBError(.throttling) { _ = try await db.get(table, ["pk": "before"]) }
        clock.advance(by: .seconds(10))
        try await db.put(table, ["pk": "after"])
        #expect(try await db.get(table, ["pk": "during"]) == nil)
    }

    @Test("partial throttling refuses about the configured share of requests")
    func probability() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.simple(db)
        db.setThrottling(ThrottlingFault(probability: 0.3), forTable: table)
        var refused = 0
        for index in 0..<1000 {
            do { try await db.put(table, ["pk": .s("k\(index)")]) } catch let error as DynamoDBError where error.isRetryable { refused += 1 }
        }
        #expect((220...380).contains(refused))
    }

    @Test("a throttled index refuses its queries and pushes back on table writes")
    func indexThrottling() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        db.setThrottling(ThrottlingFault(probability: 1), forTable: table, index: "byStatus")
        await expectDynamoDBError(.provisionedThroughputExceeded) {
            _ = try await db.query(QueryInput(
                tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"]))
        }
        await expectDynamoDBError(.provisionedThroughputExceeded) { try await db.put(table, ["pk": "a", "sk": 1]) }
        _ = try await db.query(QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "a"]))
    }

    @Test("a throttled update or delete changes nothing: the item stays whole in the table and its indexes")
    func throttledWritesChangeNothing() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        let item: DynamoItem = ["pk": "a", "sk": 1, "status": "queued", "at": 10, "note": "n"]
        try await db.put(table, item)
        db.setThrottling(ThrottlingFault(probability: 1), forTable: table)
        await expectDynamoDBError(.provisionedThroughputExceeded) {
            _ = try await db.updateItem(UpdateItemInput(
                tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET note = :v, #s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":v": "changed", ":s": "running"]))
        }
        await expectDynamoDBError(.provisionedThroughputExceeded) {
            _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "a", "sk": 1]))
        }
        db.setThrottling(nil, forTable: table)
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) == item)
        let queued = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"]))
        #expect(queued.items == [item])
    }

    @Test("a batch leaves a throttled table's writes unprocessed")
    func batchThrottling() async throws {
        let (db, _) = Self.fake()
        let open = try await BehaviourTables.simple(db)
        let throttled = try await BehaviourTables.simple(db)
        db.setThrottling(ThrottlingFault(probability: 1), forTable: throttled)
        let requests = [WriteRequest(putRequest: PutRequest(item: ["pk": "a"]))]
        let output = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [open: requests, throttled: requests]))
        #expect(output.unprocessedItems == [throttled: requests])
        #expect(try await db.get(open, ["pk": "a"]) != nil)
        await expectDynamoDBError(.provisionedThroughputExceeded) {
            _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [throttled: requests]))
        }
    }

    @Test("a lagging global index reflects writes only after the delay; the table stays consistent")
    func indexLag() async throws {
        let (db, clock) = Self.fake()
        let table = try await BehaviourTables.indexed(db)
        db.setIndexLag(.fixed(.seconds(1)), forTable: table, index: "byStatus")
        func queued() async throws -> [DynamoItem] {
            try await db.query(QueryInput(
                tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
                expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"])).items ?? []
        }
        try await db.put(table, ["pk": "a", "sk": 1, "status": "queued", "at": 1])
        #expect(try await queued().isEmpty)
        #expect(try await db.get(table, ["pk": "a", "sk": 1]) != nil)
        // The local index is not lagged.
        let local = try await db.query(QueryInput(
            tableName: table, indexName: "byAt", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "a"]))
        #expect(local.count == 1)
        clock.advance(by: .milliseconds(500))
        _ = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET #s = :d",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":d": "done"]))
        clock.advance(by: .milliseconds(500))
        #expect(try await queued().count == 1)
        clock.advance(by: .milliseconds(500))
        #expect(try await queued().isEmpty)
    }

    @Test("a lag drawn per write never lets a later write of an item overtake an earlier one")
    func lagOrdering() async throws {
        let (db, clock) = Self.fake(seed: 9)
        let table = try await BehaviourTables.indexed(db)
        db.setIndexLag(.uniform(.milliseconds(1), .seconds(2)), forTable: table, index: "byStatus")
        for step in 0..<20 {
            try await db.put(table, ["pk": "a", "sk": 1, "status": .s(step % 2 == 0 ? "queued" : "done"), "at": .n(DynamoNumber(step))])
            clock.advance(by: .milliseconds(10))
        }
        clock.advance(by: .seconds(3))
        let done = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "done"]))
        #expect(done.items == [["pk": "a", "sk": 1, "status": "done", "at": 19]])
        let queued = try await db.scan(ScanInput(tableName: table, indexName: "byStatus"))
        #expect(queued.count == 1)
    }
}
