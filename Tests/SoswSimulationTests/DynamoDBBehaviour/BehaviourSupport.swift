import Foundation
import SoswCore
import Testing

/// Tables the behaviour suite creates, each under a fresh name so tests can share a live server.
enum BehaviourTables {
    static func uniqueName(_ stem: String = "t") -> String {
        "\(stem)-\(UUID().uuidString.prefix(13).lowercased())"
    }

    /// `pk` (S) only.
    static func simple(_ db: any DynamoDB) async throws -> String {
        let name = uniqueName("simple")
        _ = try await db.createTable(CreateTableInput(
            tableName: name, keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        return name
    }

    /// `pk` (S) + `sk` (N).
    static func ranged(_ db: any DynamoDB) async throws -> String {
        let name = uniqueName("ranged")
        _ = try await db.createTable(CreateTableInput(
            tableName: name,
            keySchema: [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "sk", keyType: .range)],
            attributeDefinitions: [
                .init(attributeName: "pk", attributeType: .string), .init(attributeName: "sk", attributeType: .number),
            ],
            billingMode: .payPerRequest))
        return name
    }

    /// `pk` (S) + `sk` (N), with global indexes `byStatus` (status S, at N; ALL), `byOwner` (owner S;
    /// KEYS_ONLY), `byOwnerAt` (owner S, at N; INCLUDE note) and local index `byAt` (pk, at N; KEYS_ONLY).
    static func indexed(_ db: any DynamoDB) async throws -> String {
        let name = uniqueName("indexed")
        _ = try await db.createTable(CreateTableInput(
            tableName: name,
            keySchema: [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "sk", keyType: .range)],
            attributeDefinitions: [
                .init(attributeName: "pk", attributeType: .string), .init(attributeName: "sk", attributeType: .number),
                .init(attributeName: "status", attributeType: .string), .init(attributeName: "at", attributeType: .number),
                .init(attributeName: "owner", attributeType: .string),
            ],
            billingMode: .payPerRequest,
            globalSecondaryIndexes: [
                GlobalSecondaryIndex(
                    indexName: "byStatus",
                    keySchema: [.init(attributeName: "status", keyType: .hash), .init(attributeName: "at", keyType: .range)],
                    projection: Projection(projectionType: .all)),
                GlobalSecondaryIndex(
                    indexName: "byOwner", keySchema: [.init(attributeName: "owner", keyType: .hash)],
                    projection: Projection(projectionType: .keysOnly)),
                GlobalSecondaryIndex(
                    indexName: "byOwnerAt",
                    keySchema: [.init(attributeName: "owner", keyType: .hash), .init(attributeName: "at", keyType: .range)],
                    projection: Projection(projectionType: .include, nonKeyAttributes: ["note"])),
            ],
            localSecondaryIndexes: [
                LocalSecondaryIndex(
                    indexName: "byAt",
                    keySchema: [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "at", keyType: .range)],
                    projection: Projection(projectionType: .keysOnly)),
            ]))
        return name
    }
}

/// Runs `body` and checks it fails with `code` (and `message`, when given); returns the error.
@discardableResult
func expectDynamoDBError(
    _ code: DynamoDBError.Code, _ message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async -> DynamoDBError? {
    do {
        try await body()
        Issue.record("expected \(code.rawValue), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as DynamoDBError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        if let message {
            #expect(error.message == message, sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected a DynamoDBError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension DynamoDB {
    func put(_ table: String, _ item: DynamoItem) async throws {
        _ = try await putItem(PutItemInput(tableName: table, item: item))
    }

    func get(_ table: String, _ key: DynamoItem, consistent: Bool = true) async throws -> DynamoItem? {
        try await getItem(GetItemInput(tableName: table, key: key, consistentRead: consistent)).item
    }
}

extension BehaviourTables {
    /// `pk` (S) + `name` (S): for begins_with and string ordering on the sort key.
    static func stringRanged(_ db: any DynamoDB) async throws -> String {
        let name = uniqueName("strings")
        _ = try await db.createTable(CreateTableInput(
            tableName: name,
            keySchema: [.init(attributeName: "pk", keyType: .hash), .init(attributeName: "name", keyType: .range)],
            attributeDefinitions: [
                .init(attributeName: "pk", attributeType: .string), .init(attributeName: "name", attributeType: .string),
            ],
            billingMode: .payPerRequest))
        return name
    }
}

/// Sets come back in no particular order; sorting their members makes values comparable with `==`.
func normalized(_ value: AttributeValue) -> AttributeValue {
    switch value {
    case .ss(let members): .ss(members.sorted())
    case .ns(let members): .ns(members.sorted())
    case .bs(let members): .bs(members.sorted { $0.lexicographicallyPrecedes($1) })
    case .m(let members): .m(members.mapValues(normalized))
    case .l(let elements): .l(elements.map(normalized))
    default: value
    }
}

func normalized(_ item: DynamoItem?) -> DynamoItem? {
    item?.mapValues(normalized)
}

func number(_ text: String) -> AttributeValue {
    // Literal numbers in tests are valid by construction.
    .n((try? DynamoNumber(parsing: text)) ?? .zero)
}
