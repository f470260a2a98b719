import SoswCore
import Testing

/// Query: key conditions, order, paging (Limit, ExclusiveStartKey, the 1 MB page), Select and filters.
@Suite("DynamoDB behaviour: query")
struct QueryBehaviourTests {
    /// A ranged table with partition "p" holding sk 1...10 and partition "q" holding sk 1...3.
    static func seeded(_ db: any DynamoDB) async throws -> String {
        let table = try await BehaviourTables.ranged(db)
        for sk in 1...10 { try await db.put(table, ["pk": "p", "sk": .n(DynamoNumber(sk)), "odd": .bool(sk % 2 == 1)]) }
        for sk in 1...3 { try await db.put(table, ["pk": "q", "sk": .n(DynamoNumber(sk))]) }
        return table
    }

    static func sortKeys(_ items: [DynamoItem]?) -> [Int64] {
        (items ?? []).compactMap { $0["sk"]?.numberValue?.int64Value }
    }

    @Test("sort key conditions select the right range", arguments: [
        ("pk = :p", [:] as DynamoItem, [Int64](1...10)),
        ("pk = :p AND sk = :a", [":a": 5], [5]),
        ("pk = :p AND sk < :a", [":a": 3], [1, 2]),
        ("pk = :p AND sk <= :a", [":a": 3], [1, 2, 3]),
        ("pk = :p AND sk > :a", [":a": 8], [9, 10]),
        ("pk = :p AND sk >= :a", [":a": 8], [8, 9, 10]),
        ("pk = :p AND sk BETWEEN :a AND :b", [":a": 3, ":b": 5], [3, 4, 5]),
        ("pk = :p AND sk BETWEEN :a AND :b", [":a": 4, ":b": 4], [4]),
        ("pk = :p AND sk = :a", [":a": 11], []),
        ("pk = :p AND sk > :a", [":a": number("9.5")], [10]),
        (":a > sk AND pk = :p", [":a": 3], [1, 2]),
    ])
    func sortKeyConditions(_ expression: String, _ values: DynamoItem, _ expected: [Int64]) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        try await knownDifference(.moto, "a value before the key name is refused", when: expression.hasPrefix(":")) {
            let output = try await db.query(QueryInput(
                tableName: table, keyConditionExpression: expression,
                expressionAttributeValues: values.merging([":p": "p"]) { $1 }))
            #expect(Self.sortKeys(output.items) == expected)
            #expect(output.count == expected.count)
            #expect(output.scannedCount == expected.count)
        }
    }

    @Test("begins_with selects string sort keys by prefix, in byte order", arguments: [
        ("a", ["a", "ab", "abc"]), ("ab", ["ab", "abc"]), ("b", ["b", "ba"]), ("z", []), ("A", ["A"]),
    ])
    func beginsWith(_ prefix: String, _ expected: [String]) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.stringRanged(db)
        for name in ["abc", "a", "ab", "b", "A", "ba"] { try await db.put(table, ["pk": "p", "name": .s(name)]) }
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p AND begins_with(#n, :x)",
            expressionAttributeNames: ["#n": "name"], expressionAttributeValues: [":p": "p", ":x": .s(prefix)]))
        #expect((output.items ?? []).compactMap { $0["name"]?.stringValue } == expected)
    }

    @Test("string sort keys order by UTF-8 bytes")
    func byteOrder() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.stringRanged(db)
        for name in ["b", "B", "a", "é", "Z", "10", "9"] { try await db.put(table, ["pk": "p", "name": .s(name)]) }
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"]))
        #expect((output.items ?? []).compactMap { $0["name"]?.stringValue } == ["10", "9", "B", "Z", "a", "b", "é"])
    }

    @Test("ScanIndexForward false reads in descending order")
    func descending() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p AND sk <= :a",
            expressionAttributeValues: [":p": "p", ":a": 4], scanIndexForward: false))
        #expect(Self.sortKeys(output.items) == [4, 3, 2, 1])
    }

    @Test("Limit pages through a partition; every item is seen exactly once", arguments: [1, 3, 4, 5, 10, 11])
    func paging(_ limit: Int) async throws {
        for forward in [true, false] {
            let db = makeDynamoDBUnderTest()
            let table = try await Self.seeded(db)
            var seen: [Int64] = []
            var start: DynamoItem?
            var pages = 0
            repeat {
                let output = try await db.query(QueryInput(
                    tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"],
                    limit: limit, scanIndexForward: forward, exclusiveStartKey: start))
                #expect(output.scannedCount <= limit)
                seen += Self.sortKeys(output.items)
                start = output.lastEvaluatedKey
                pages += 1
            } while start != nil && pages < 20
            #expect(seen == (forward ? Array(1...10) : Array((1...10).reversed())))
            // A page that reaches Limit returns a LastEvaluatedKey even when nothing follows.
            try await knownDifference(.moto, "no LastEvaluatedKey when Limit ends on the last item", when: 10 % limit == 0) {
                #expect(pages == 10 / limit + 1)
            }
        }
    }

    @Test("LastEvaluatedKey holds the table key")
    func lastEvaluatedKey() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"], limit: 2))
        #expect(output.lastEvaluatedKey == ["pk": "p", "sk": 2])
    }

    @Test("the filter applies after Limit: Count counts matches, ScannedCount what was read")
    func filterAfterLimit() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", filterExpression: "odd = :t",
            expressionAttributeValues: [":p": "p", ":t": true], limit: 4))
        #expect(Self.sortKeys(output.items) == [1, 3])
        #expect(output.count == 2)
        #expect(output.scannedCount == 4)
        #expect(output.lastEvaluatedKey == ["pk": "p", "sk": 4])
    }

    @Test("Select COUNT returns no items, only the count")
    func selectCount() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"], select: .count))
        #expect(output.items == nil)
        #expect(output.count == 10)
    }

    @Test("a ProjectionExpression selects specific attributes")
    func projection() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let output = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p AND sk = :one", projectionExpression: "odd",
            expressionAttributeValues: [":p": "p", ":one": 1]))
        #expect(output.items == [["odd": true]])
    }

    @Test("the 1 MB page limit ends a page early and paging still returns every item")
    func pageSize() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        let filler = String(repeating: "x", count: 100 * 1024)
        for sk in 1...15 { try await db.put(table, ["pk": "big", "sk": .n(DynamoNumber(sk)), "data": .s(filler)]) }
        let first = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "big"]))
        try await knownDifference(.moto, "the 1 MB page ends one item earlier") {
            #expect(first.count == 10)
            #expect(first.lastEvaluatedKey == ["pk": "big", "sk": 10])
        }
        let second = try await db.query(QueryInput(
            tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "big"],
            exclusiveStartKey: first.lastEvaluatedKey))
        try await knownDifference(.moto, "the 1 MB page ends one item earlier") {
            #expect(Self.sortKeys(second.items) == [11, 12, 13, 14, 15])
        }
        #expect(second.lastEvaluatedKey == nil)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var input: QueryInput
        var message: String
        var testDescription: String { message }
    }

    static func invalidQueries(_ table: String) -> [(QueryInput, String)] {
        [
            (QueryInput(tableName: table, expressionAttributeValues: [":p": "p"]),
             "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."),
            (QueryInput(tableName: table, keyConditionExpression: "sk = :a", expressionAttributeValues: [":a": 1]),
             "Query condition missed key schema element: pk"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": 1]),
             "One or more parameter values were invalid: Condition parameter type does not match schema type"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p AND sk BETWEEN :a AND :b",
                        expressionAttributeValues: [":p": "p", ":a": 5, ":b": 1]),
             "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p OR sk = :a", expressionAttributeValues: [":p": "p", ":a": 1]),
             "Invalid operator used in KeyConditionExpression: OR"),
            (QueryInput(tableName: table, indexName: "nope", keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"]),
             "The table does not have the specified index: nope"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"], limit: 0),
             "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"],
                        exclusiveStartKey: ["pk": "q", "sk": 1]),
             "The provided starting key is outside query boundaries based on provided conditions"),
            (QueryInput(tableName: table, keyConditionExpression: "pk = :p", expressionAttributeValues: [":p": "p"],
                        exclusiveStartKey: ["pk": "p"]),
             "The provided starting key is invalid: The provided key element does not match the schema"),
        ]
    }

    @Test("invalid queries are refused with the service's message", arguments: 0..<9)
    func invalid(_ number: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await Self.seeded(db)
        let (input, message) = Self.invalidQueries(table)[number]
        try await knownDifference(.moto, "accepts or answers differently all but one of these", when: number != 1) {
            await expectDynamoDBError(.validation, message) { _ = try await db.query(input) }
        }
    }

    @Test("a FilterExpression may not name a key attribute of the table or index queried", arguments: [
        (nil as String?, "sk > :v", "sk"),
        (nil, "attribute_exists(#p)", "pk"),
        ("byStatus", "#a > :v", "at"),
    ])
    func filterOnKey(_ index: String?, _ filter: String, _ key: String) async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await (index == nil ? BehaviourTables.ranged(db) : BehaviourTables.indexed(db))
        let usesValue = filter.contains(":v")
        var names: [String: String] = [:]
        if filter.contains("#p") { names["#p"] = "pk" }
        if filter.contains("#a") { names["#a"] = "at" }
        var values: DynamoItem = [":k": index == nil ? "p" : "open"]
        if usesValue { values[":v"] = 1 }
        names[index == nil ? "#kp" : "#ks"] = index == nil ? "pk" : "status"
        try await knownDifference(.moto, "filters on key attributes") {
            await expectDynamoDBError(
                .validation, "Filter Expression can only contain non-primary key attributes: Primary key attribute: \(key)"
            ) {
                _ = try await db.query(QueryInput(
                    tableName: table, indexName: index, keyConditionExpression: index == nil ? "#kp = :k" : "#ks = :k",
                    filterExpression: filter, expressionAttributeNames: names, expressionAttributeValues: values))
            }
        }
    }
}
