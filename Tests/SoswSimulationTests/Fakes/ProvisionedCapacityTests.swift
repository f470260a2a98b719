import SoswCore
import SoswSimulation
import Testing

/// Provisioned capacity in the DynamoDB fake: a provisioned table (and each global index) refills its read and
/// write capacity every second, keeps up to 300 seconds of it unused, and refuses requests with
/// ProvisionedThroughputExceededException once it is used up; tables billed per request are never refused.
@Suite("InMemoryDynamoDB provisioned capacity")
struct ProvisionedCapacityTests {
    static func fake() -> (InMemoryDynamoDB<ManualTestClock>, ManualTestClock) {
        let clock = ManualTestClock()
        return (InMemoryDynamoDB(clock: clock, random: SeededRandom(seed: 1)), clock)
    }

    /// `pk` (S), provisioned at `rcu`/`wcu`, with a global index `byStatus` (status S) at `indexWCU` write units
    /// when given.
    static func table(
        _ db: some DynamoDB, rcu: Int64 = 1, wcu: Int64 = 1, indexWCU: Int64? = nil
    ) async throws -> String {
        let name = "provisioned"
        _ = try await db.createTable(CreateTableInput(
            tableName: name, keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)]
                + (indexWCU == nil ? [] : [.init(attributeName: "status", attributeType: .string)]),
            billingMode: .provisioned,
            provisionedThroughput: ProvisionedThroughput(readCapacityUnits: rcu, writeCapacityUnits: wcu),
            globalSecondaryIndexes: indexWCU.map { wcu in
                [GlobalSecondaryIndex(
                    indexName: "byStatus", keySchema: [.init(attributeName: "status", keyType: .hash)],
                    projection: Projection(projectionType: .all),
                    provisionedThroughput: ProvisionedThroughput(readCapacityUnits: 1, writeCapacityUnits: wcu))]
            }))
        return name
    }

    /// Puts items `pk = <prefix><n>` until one is refused; returns how many went through (at most `limit`).
    static func putsUntilRefused(
        _ db: InMemoryDynamoDB<ManualTestClock>, _ table: String, prefix: String, limit: Int = 10_000,
        extra: DynamoItem = [:]
    ) async throws -> Int {
        for count in 0..<limit {
            var item = extra
            item["pk"] = .s("\(prefix)\(count)")
            do {
                try await db.put(table, item)
            } catch let error as DynamoDBError where error.code == .provisionedThroughputExceeded {
                return count
            }
        }
        return limit
    }

    @Test("DescribeTable reports the provisioned units of the table and its global index")
    func described() async throws {
        let (db, _) = Self.fake()
        let table = try await Self.table(db, rcu: 3, wcu: 2, indexWCU: 4)
        let description = try #require(try await db.describeTable(DescribeTableInput(tableName: table)).table)
        #expect(description.provisionedThroughput?.readCapacityUnits == 3)
        #expect(description.provisionedThroughput?.writeCapacityUnits == 2)
        #expect(description.globalSecondaryIndexes?.first?.provisionedThroughput?.writeCapacityUnits == 4)
    }

    @Test("a new table holds 300 seconds of capacity, then gets its units back each second")
    func burstThenRefill() async throws {
        let (db, clock) = Self.fake()
        let table = try await Self.table(db, wcu: 2)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "burst") == 2 * 300)
        let error = await expectDynamoDBError(.provisionedThroughputExceeded) { try await db.put(table, ["pk": "refused"]) }
        #expect(error?.isRetryable == true)
        #expect(try await db.get(table, ["pk": "refused"]) == nil)
        clock.advance(by: .seconds(3))
        #expect(try await Self.putsUntilRefused(db, table, prefix: "refill") == 2 * 3)
    }

    @Test("unused capacity is kept for at most 300 seconds")
    func burstIsCapped() async throws {
        let (db, clock) = Self.fake()
        let table = try await Self.table(db, wcu: 1)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "first") == 300)
        clock.advance(by: .seconds(3600))
        #expect(try await Self.putsUntilRefused(db, table, prefix: "second") == 300)
    }

    @Test("a large write goes through while capacity is left and its debt holds back the next ones")
    func debt() async throws {
        let (db, clock) = Self.fake()
        let table = try await Self.table(db, wcu: 1)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "drain", limit: 299) == 299)
        // One unit left; a 10 KB item costs 10.
        try await db.put(table, ["pk": "large", "body": .s(String(repeating: "x", count: 10 * 1024 - 20))])
        clock.advance(by: .seconds(9))
        await expectDynamoDBError(.provisionedThroughputExceeded) { try await db.put(table, ["pk": "still-in-debt"]) }
        clock.advance(by: .seconds(1))
        try await db.put(table, ["pk": "paid"])
    }

    @Test("eventually consistent reads cost half a unit, consistent reads one")
    func reads() async throws {
        let (db, clock) = Self.fake()
        let table = try await Self.table(db, rcu: 1, wcu: 1)
        try await db.put(table, ["pk": "a"])
        var reads = 0
        while (try? await db.get(table, ["pk": "a"], consistent: false)) != nil { reads += 1 }
        #expect(reads == 600)
        clock.advance(by: .seconds(10))
        reads = 0
        while (try? await db.get(table, ["pk": "a"], consistent: true)) != nil { reads += 1 }
        #expect(reads == 10)
    }

    @Test("a global index out of write capacity throttles writes to its table")
    func indexThrottlesTable() async throws {
        let (db, _) = Self.fake()
        let table = try await Self.table(db, wcu: 100, indexWCU: 1)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "indexed", extra: ["status": "queued"]) == 300)
        await expectDynamoDBError(.provisionedThroughputExceeded) { try await db.put(table, ["pk": "unindexed"]) }
        let queued = try await db.query(QueryInput(
            tableName: table, indexName: "byStatus", keyConditionExpression: "#s = :s",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":s": "queued"]))
        #expect(queued.count == 300)
    }

    @Test("a batch write to a table out of capacity fails whole, and with another table comes back unprocessed")
    func batches() async throws {
        let (db, _) = Self.fake()
        let table = try await Self.table(db, wcu: 1)
        let other = try await BehaviourTables.simple(db)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "drain") == 300)
        let request = [WriteRequest(putRequest: PutRequest(item: ["pk": "late"]))]
        await expectDynamoDBError(.provisionedThroughputExceeded) {
            _ = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: request]))
        }
        let output = try await db.batchWriteItem(BatchWriteItemInput(requestItems: [table: request, other: request]))
        #expect(output.unprocessedItems?[table]?.count == 1)
        #expect(output.unprocessedItems?[other] == nil)
    }

    @Test("tables billed per request are never refused for capacity")
    func onDemand() async throws {
        let (db, _) = Self.fake()
        let table = try await BehaviourTables.simple(db)
        #expect(try await Self.putsUntilRefused(db, table, prefix: "k", limit: 2000) == 2000)
    }

    @Test("the units charged to provisioned tables are reported per table")
    func usage() async throws {
        let (db, _) = Self.fake()
        let table = try await Self.table(db, rcu: 3, wcu: 2, indexWCU: 4)
        try await db.put(table, ["pk": "a", "status": "queued"])
        _ = try await db.get(table, ["pk": "a"])
        let usage = db.provisionedUsage()
        #expect(usage.map(\.table) == [table])
        #expect(usage.first?.readCapacityUnits == Int64(3 + 1))
        #expect(usage.first?.writeCapacityUnits == Int64(2 + 4))
        #expect(usage.first?.consumedReadUnits == 1)
        #expect(usage.first?.consumedWriteUnits == 2)
    }
}
