import SoswCore
import Testing

/// ConsumedCapacity against AWS's documented arithmetic ("Read/write capacity mode", "DynamoDB item sizes and
/// formats"): reads per 4 KB (eventually consistent at half), writes per 1 KB, transactions at double, index
/// writes counted, batches rounded per item, queries rounded over the sum.
@Suite("DynamoDB behaviour: consumed capacity")
struct CapacityBehaviourTests {
    /// An item of exactly `bytes` bytes: "pk" (2) + "a" (1) + "data" (4) + the filler.
    static func item(_ key: String = "a", bytes: Int) -> DynamoItem {
        ["pk": .s(key), "data": .s(String(repeating: "x", count: bytes - 6 - key.utf8.count))]
    }

    @Test("GetItem: one unit per 4 KB, half for eventually consistent reads", arguments: [
        (3584, true, 1.0), (3584, false, 0.5), (4096, true, 1.0), (4097, true, 2.0), (5000, false, 1.0), (9000, true, 3.0),
    ])
    func getItem(_ bytes: Int, _ consistent: Bool, _ units: Double) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item(bytes: bytes))
        let output = try await db.getItem(GetItemInput(
            tableName: table, key: ["pk": "a"], consistentRead: consistent, returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes", when: units != 0.5) {
            #expect(output.consumedCapacity?.capacityUnits == units)
        }
        #expect(output.consumedCapacity?.tableName == table)
    }

    @Test("reading a missing item still costs a unit")
    func missingItem() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let strong = try await db.getItem(GetItemInput(
            tableName: table, key: ["pk": "none"], consistentRead: true, returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(strong.consumedCapacity?.capacityUnits == 1)
        }
        let eventual = try await db.getItem(GetItemInput(tableName: table, key: ["pk": "none"], returnConsumedCapacity: .total))
        #expect(eventual.consumedCapacity?.capacityUnits == 0.5)
    }

    @Test("PutItem: one unit per 1 KB, rounded up", arguments: [(500, 1.0), (1024, 1.0), (1025, 2.0), (3584, 4.0)])
    func putItem(_ bytes: Int, _ units: Double) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let output = try await db.putItem(PutItemInput(tableName: table, item: Self.item(bytes: bytes), returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(output.consumedCapacity?.capacityUnits == units)
            #expect(output.consumedCapacity?.writeCapacityUnits == units)
        }
    }

    @Test("replacing an item costs the larger of the two sizes")
    func replacement() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item(bytes: 3000))
        let output = try await db.putItem(PutItemInput(tableName: table, item: Self.item(bytes: 100), returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(output.consumedCapacity?.capacityUnits == 3)
        }
    }

    @Test("deleting a missing item costs one unit")
    func deleteMissing() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let output = try await db.deleteItem(DeleteItemInput(tableName: table, key: ["pk": "x"], returnConsumedCapacity: .total))
        #expect(output.consumedCapacity?.capacityUnits == 1)
    }

    @Test("a Query rounds the sum of the items read, not each item")
    func query() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        for sk in 1...10 { try await db.put(table, ["pk": "p", "sk": .n(DynamoNumber(sk)), "data": .s(String(repeating: "y", count: 30))]) }
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"],
            returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(output.consumedCapacity?.capacityUnits == 0.5)
        }
    }

    @Test("BatchGetItem rounds each item to 4 KB on its own")
    func batchGet() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        try await db.put(table, Self.item("a", bytes: 1536))
        try await db.put(table, Self.item("b", bytes: 6656))
        let output = try await db.batchGetItem(BatchGetItemInput(
            requestItems: [table: KeysAndAttributes(keys: [["pk": "a"], ["pk": "b"]], consistentRead: true)],
            returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(output.consumedCapacity?.first?.capacityUnits == 3)
        }
    }

    @Test("transactional writes cost double")
    func transaction() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let output = try await db.transactWriteItems(TransactWriteItemsInput(
            transactItems: [
                TransactWriteItem(put: TransactPut(tableName: table, item: Self.item("a", bytes: 500))),
                TransactWriteItem(put: TransactPut(tableName: table, item: Self.item("b", bytes: 1536))),
            ],
            returnConsumedCapacity: .total))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(output.consumedCapacity?.first?.capacityUnits == 6, "\(String(describing: output.consumedCapacity))")
        }
    }

    @Test("index writes are counted, and reported apart with INDEXES")
    func indexWrites() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.indexed(db)
        let put = try await db.putItem(PutItemInput(
            tableName: table, item: ["pk": "a", "sk": 1, "status": "queued", "at": 1],
            returnConsumedCapacity: .indexes))
        let capacity = try #require(put.consumedCapacity)
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(capacity.capacityUnits == 3)
            #expect(capacity.table?.capacityUnits == 1)
            #expect(capacity.globalSecondaryIndexes == ["byStatus": Capacity(writeCapacityUnits: 1, capacityUnits: 1)])
            #expect(capacity.localSecondaryIndexes == ["byAt": Capacity(writeCapacityUnits: 1, capacityUnits: 1)])
        }
        // Changing an index key is a delete and a put in that index.
        let update = try await db.updateItem(UpdateItemInput(
            tableName: table, key: ["pk": "a", "sk": 1], updateExpression: "SET #s = :d",
            expressionAttributeNames: ["#s": "status"], expressionAttributeValues: [":d": "done"],
            returnConsumedCapacity: .indexes))
        try await knownDifference(.moto, "capacity ignores item size, consistency, transactions and indexes") {
            #expect(update.consumedCapacity?.capacityUnits == 3)
            #expect(update.consumedCapacity?.globalSecondaryIndexes?["byStatus"]?.capacityUnits == 2)
        }
        // An item without any index key costs the table write only (sparse indexes).
        let sparse = try await db.putItem(PutItemInput(
            tableName: table, item: ["pk": "b", "sk": 1, "other": 1], returnConsumedCapacity: .indexes))
        #expect(sparse.consumedCapacity?.capacityUnits == 1)
        #expect(sparse.consumedCapacity?.globalSecondaryIndexes == nil)
    }

    @Test("no ConsumedCapacity unless asked", arguments: [nil, ReturnConsumedCapacity.nothing])
    func notAsked(_ mode: ReturnConsumedCapacity?) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        let output = try await db.putItem(PutItemInput(tableName: table, item: ["pk": "a"], returnConsumedCapacity: mode))
        #expect(output.consumedCapacity == nil)
    }
}
