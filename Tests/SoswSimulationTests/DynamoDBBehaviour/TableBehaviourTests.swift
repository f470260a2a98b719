import SoswCore
import Testing

/// CreateTable, DescribeTable and DeleteTable, with CreateTable's validation.
@Suite("DynamoDB behaviour: tables")
struct TableBehaviourTests {
    @Test("a created table is described, and gone once deleted")
    func lifecycle() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.ranged(db)
        let description = try #require(try await db.describeTable(DescribeTableInput(tableName: table)).table)
        #expect(description.tableName == table)
        #expect(description.keySchema == [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "sk", keyType: .range)])
        #expect(description.itemCount == 0)
        #expect(description.billingModeSummary?.billingMode == .payPerRequest)
        let deleted = try await db.deleteTable(DeleteTableInput(tableName: table))
        #expect(deleted.tableDescription?.tableName == table)
        await expectDynamoDBError(.resourceNotFound, "Requested resource not found: Table: \(table) not found") {
            _ = try await db.describeTable(DescribeTableInput(tableName: table))
        }
        await expectDynamoDBError(.resourceNotFound) { try await db.put(table, ["pk": "a", "sk": 1]) }
    }

    @Test("CreateTable answers CREATING; the table is usable at once and ACTIVE at the next DescribeTable")
    func creating() async throws {
        let db = makeDynamoDBUnderTest()
        let name = BehaviourTables.uniqueName("creating")
        let created = try await db.createTable(CreateTableInput(
            tableName: name, keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        try await knownDifference(.moto, "CreateTable answers ACTIVE") {
            #expect(created.tableDescription?.tableStatus == .creating)
        }
        try await db.put(name, ["pk": "a"])
        #expect(try await db.describeTable(DescribeTableInput(tableName: name)).table?.tableStatus == .active)
    }

    @Test("creating a table twice is ResourceInUseException")
    func duplicate() async throws {
        let db = makeDynamoDBUnderTest()
        let table = try await BehaviourTables.simple(db)
        await expectDynamoDBError(.resourceInUse, "Table already exists: \(table)") {
            _ = try await db.createTable(CreateTableInput(
                tableName: table, keySchema: [.init(attributeName: "pk", keyType: .hash)],
                attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        }
    }

    @Test("deleting a missing table is ResourceNotFoundException")
    func deleteMissing() async throws {
        let db = makeDynamoDBUnderTest()
        await expectDynamoDBError(.resourceNotFound) {
            _ = try await db.deleteTable(DeleteTableInput(tableName: BehaviourTables.uniqueName()))
        }
    }

    static let hash = KeySchemaElement(attributeName: "pk", keyType: .hash)
    static let range = KeySchemaElement(attributeName: "sk", keyType: .range)
    static let pkDefinition = AttributeDefinition(attributeName: "pk", attributeType: .string)
    static let skDefinition = AttributeDefinition(attributeName: "sk", attributeType: .number)

    static func invalidTables(_ name: String) -> [(CreateTableInput, String)] {
        [
            (CreateTableInput(tableName: "ab", keySchema: [hash], attributeDefinitions: [pkDefinition], billingMode: .payPerRequest),
             "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"),
            (CreateTableInput(tableName: name, keySchema: [range], attributeDefinitions: [skDefinition], billingMode: .payPerRequest),
             "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
            (CreateTableInput(tableName: name, keySchema: [hash], attributeDefinitions: [skDefinition], billingMode: .payPerRequest),
             "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [sk]"),
            (CreateTableInput(tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition, skDefinition], billingMode: .payPerRequest),
             "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"),
            (CreateTableInput(
                tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition, skDefinition], billingMode: .payPerRequest,
                localSecondaryIndexes: [LocalSecondaryIndex(indexName: "lsi", keySchema: [hash, range], projection: Projection(projectionType: .all))]),
             "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"),
            (CreateTableInput(
                tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition, skDefinition], billingMode: .payPerRequest,
                globalSecondaryIndexes: [
                    GlobalSecondaryIndex(indexName: "gsi", keySchema: [.init(attributeName: "sk", keyType: .hash)], projection: Projection(projectionType: .all)),
                    GlobalSecondaryIndex(indexName: "gsi", keySchema: [.init(attributeName: "sk", keyType: .hash)], projection: Projection(projectionType: .all)),
                ]),
             "One or more parameter values were invalid: Duplicate index name: gsi"),
            (CreateTableInput(
                tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition, skDefinition], billingMode: .payPerRequest,
                globalSecondaryIndexes: [
                    GlobalSecondaryIndex(indexName: "gsi", keySchema: [.init(attributeName: "sk", keyType: .hash)],
                                         projection: Projection(projectionType: .all, nonKeyAttributes: ["x"])),
                ]),
             "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified"),
            (CreateTableInput(tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition], billingMode: .provisioned),
             "No provisioned throughput specified for the table"),
            (CreateTableInput(
                tableName: name, keySchema: [hash], attributeDefinitions: [pkDefinition], billingMode: .payPerRequest,
                provisionedThroughput: ProvisionedThroughput(readCapacityUnits: 1, writeCapacityUnits: 1)),
             "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"),
            (CreateTableInput(tableName: name, keySchema: [hash, hash], attributeDefinitions: [pkDefinition], billingMode: .payPerRequest),
             "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"),
        ]
    }

    @Test("CreateTable refuses invalid definitions with the service's message", arguments: 0..<10)
    func invalid(_ number: Int) async throws {
        let db = makeDynamoDBUnderTest()
        let (input, message) = Self.invalidTables(BehaviourTables.uniqueName())[number]
        try await knownDifference(
            .moto, "most invalid definitions create the table; billing-mode errors have other messages",
            when: ![2, 3].contains(number)
        ) {
            await expectDynamoDBError(.validation, message) { _ = try await db.createTable(input) }
            await expectDynamoDBError(.resourceNotFound) {
                _ = try await db.describeTable(DescribeTableInput(tableName: input.tableName))
            }
        }
    }
}
