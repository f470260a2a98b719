import SoswCore
import SoswSimulation
import Testing

/// The fake remembers what recent UpdateItem and Query shapes decided (table, compiled and validated
/// expressions, bound key condition). A remembered decision must never serve a request it does not fit: not
/// after the table is deleted and created again differently, not for other names, not for values of other types.
@Suite("InMemoryDynamoDB remembered request shapes")
struct RememberedShapesTests {
    static func fake() -> InMemoryDynamoDB<ManualTestClock> {
        InMemoryDynamoDB(clock: ManualTestClock(), random: SeededRandom(seed: 1))
    }

    static func createTable(_ db: some DynamoDB, key: String, index: String? = nil) async throws {
        var definitions = [AttributeDefinition(attributeName: key, attributeType: .string)]
        var indexes: [GlobalSecondaryIndex]?
        if let index {
            definitions.append(.init(attributeName: index, attributeType: .string))
            indexes = [GlobalSecondaryIndex(
                indexName: "by_\(index)", keySchema: [.init(attributeName: index, keyType: .hash)],
                projection: .init(projectionType: .all))]
        }
        _ = try await db.createTable(CreateTableInput(
            tableName: "shapes", keySchema: [.init(attributeName: key, keyType: .hash)],
            attributeDefinitions: definitions, billingMode: .payPerRequest, globalSecondaryIndexes: indexes))
    }

    static func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as DynamoDBError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test("a table created again with another key is checked afresh")
    func recreatedTable() async throws {
        let db = Self.fake()
        try await Self.createTable(db, key: "pk")
        let update = { (key: DynamoItem) in
            UpdateItemInput(
                tableName: "shapes", key: key, updateExpression: "SET note = :v",
                expressionAttributeValues: [":v": .s("x")])
        }
        _ = try await db.updateItem(update(["pk": .s("a")]))
        _ = try await db.updateItem(update(["pk": .s("b")]))
        _ = try await db.deleteTable(DeleteTableInput(tableName: "shapes"))
        try await Self.createTable(db, key: "note")
        #expect(
            await Self.message { _ = try await db.updateItem(update(["note": .s("a")])) }
                == "One or more parameter values were invalid: Cannot update attribute note. This attribute is part of the key")
        #expect(
            await Self.message { _ = try await db.updateItem(update(["pk": .s("a")])) }
                == "The provided key element does not match the schema")
    }

    @Test("the same texts with other names or other value types are checked afresh")
    func namesAndValueTypes() async throws {
        let db = Self.fake()
        try await Self.createTable(db, key: "pk")
        func add(_ names: [String: String], _ value: AttributeValue) -> UpdateItemInput {
            UpdateItemInput(
                tableName: "shapes", key: ["pk": .s("a")], updateExpression: "ADD #n :v",
                expressionAttributeNames: names, expressionAttributeValues: [":v": value])
        }
        _ = try await db.updateItem(add(["#n": "count"], .n(1)))
        _ = try await db.updateItem(add(["#n": "count"], .n(2)))
        #expect(
            await Self.message { _ = try await db.updateItem(add(["#n": "pk"], .n(1))) }
                == "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key")
        let refused = await Self.message { _ = try await db.updateItem(add(["#n": "count"], .s("one"))) }
        #expect(refused?.hasPrefix("Invalid UpdateExpression: Incorrect operand type for operator or function") == true)
        let item = try await db.getItem(GetItemInput(tableName: "shapes", key: ["pk": .s("a")])).item
        #expect(item?["count"] == .n(3))
    }

    @Test("a query on an index that no longer exists is refused")
    func droppedIndex() async throws {
        let db = Self.fake()
        try await Self.createTable(db, key: "pk", index: "owner")
        _ = try await db.putItem(PutItemInput(tableName: "shapes", item: ["pk": .s("a"), "owner": .s("o")]))
        let query = QueryInput(
            tableName: "shapes", indexName: "by_owner", keyConditionExpression: "#o = :o",
            expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": .s("o")])
        #expect(try await db.query(query).count == 1)
        #expect(try await db.query(query).count == 1)
        _ = try await db.deleteTable(DeleteTableInput(tableName: "shapes"))
        try await Self.createTable(db, key: "pk")
        #expect(await Self.message { _ = try await db.query(query) } == "The table does not have the specified index: by_owner")
    }

    @Test("a remembered query shape still reads each request's own values and options")
    func perRequestParts() async throws {
        let db = Self.fake()
        try await Self.createTable(db, key: "pk", index: "owner")
        for (key, owner) in [("a", "o1"), ("b", "o1"), ("c", "o2")] {
            _ = try await db.putItem(PutItemInput(tableName: "shapes", item: ["pk": .s(key), "owner": .s(owner)]))
        }
        func query(_ owner: String, limit: Int? = nil, consistent: Bool? = nil) -> QueryInput {
            QueryInput(
                tableName: "shapes", indexName: "by_owner", keyConditionExpression: "#o = :o",
                expressionAttributeNames: ["#o": "owner"], expressionAttributeValues: [":o": .s(owner)], limit: limit,
                consistentRead: consistent)
        }
        #expect(try await db.query(query("o1")).count == 2)
        #expect(try await db.query(query("o2")).count == 1)
        #expect(try await db.query(query("o1", limit: 1)).count == 1)
        #expect(
            await Self.message { _ = try await db.query(query("o1", limit: 0)) }
                == "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        #expect(
            await Self.message { _ = try await db.query(query("o1", consistent: true)) }
                == "Consistent reads are not supported on global secondary indexes")
        #expect(
            await Self.message { _ = try await db.query(query("o1").with(values: [":o": .n(1)])) }
                == "One or more parameter values were invalid: Condition parameter type does not match schema type")
    }
}

extension QueryInput {
    fileprivate func with(values: DynamoItem) -> QueryInput {
        var copy = self
        copy.expressionAttributeValues = values
        return copy
    }
}
