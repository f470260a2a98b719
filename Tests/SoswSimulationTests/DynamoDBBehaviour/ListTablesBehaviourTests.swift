import SoswCore
import Testing

/// ListTables: names in order after ExclusiveStartTableName, pages of Limit, LastEvaluatedTableName to resume.
@Suite("DynamoDB behaviour: list tables")
struct ListTablesBehaviourTests {
    static let motoOrder = "lists tables in creation order; ExclusiveStartTableName must name an existing table"

    /// Creates three tables sharing a fresh prefix; returns the prefix and their names in order.
    static func threeTables(_ db: any DynamoDB) async throws -> (prefix: String, names: [String]) {
        let prefix = BehaviourTables.uniqueName("list") + "-"
        let names = ["a", "b", "c"].map { prefix + $0 }
        for name in names {
            _ = try await db.createTable(CreateTableInput(
                tableName: name, keySchema: [.init(attributeName: "pk", keyType: .hash)],
                attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        }
        return (prefix, names)
    }

    @Test("pages of Limit names resume after LastEvaluatedTableName")
    func paging() async throws {
        let db = makeDynamoDBUnderTest()
        let (prefix, names) = try await Self.threeTables(db)
        try await knownDifference(.moto, Self.motoOrder) {
            let first = try await db.listTables(ListTablesInput(exclusiveStartTableName: prefix, limit: 2))
            #expect(first.tableNames == Array(names[0...1]))
            #expect(first.lastEvaluatedTableName == names[1])
            let second = try await db.listTables(
                ListTablesInput(exclusiveStartTableName: first.lastEvaluatedTableName, limit: 2))
            #expect(second.tableNames.first == names[2])
            #expect(!second.tableNames.contains(names[1]))
        }
    }

    @Test("every table is listed, in name order, across pages")
    func everyTable() async throws {
        let db = makeDynamoDBUnderTest()
        let (_, names) = try await Self.threeTables(db)
        var listed: [String] = []
        var start: String?
        repeat {
            let page = try await db.listTables(ListTablesInput(exclusiveStartTableName: start, limit: 100))
            listed += page.tableNames
            start = page.lastEvaluatedTableName
        } while start != nil
        #expect(names.allSatisfy(listed.contains))
        try await knownDifference(.moto, Self.motoOrder) {
            #expect(listed == listed.sorted())
        }
    }

    @Test("a deleted table is no longer listed")
    func deleted() async throws {
        let db = makeDynamoDBUnderTest()
        let (prefix, names) = try await Self.threeTables(db)
        _ = try await db.deleteTable(DeleteTableInput(tableName: names[1]))
        try await knownDifference(.moto, Self.motoOrder) {
            let page = try await db.listTables(ListTablesInput(exclusiveStartTableName: prefix, limit: 2))
            #expect(page.tableNames == [names[0], names[2]])
        }
    }

    @Test("Limit must be 1 to 100", arguments: [0, 101])
    func limit(_ limit: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let bound = limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"
        try await knownDifference(.moto, "accepts any Limit") {
            await expectDynamoDBError(
                .validation,
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value \(bound)"
            ) {
                _ = try await db.listTables(ListTablesInput(limit: limit))
            }
        }
    }
}
