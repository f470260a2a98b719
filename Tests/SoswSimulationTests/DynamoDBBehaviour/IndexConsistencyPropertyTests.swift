import PropertyBased
import SoswCore
import Testing

/// After any sequence of puts, updates and deletes, every Query on every index (and on the table) returns
/// exactly what filtering and sorting the table's items by brute force gives.
@Suite("DynamoDB behaviour: queries agree with brute force")
struct IndexConsistencyPropertyTests {
    /// One random write: kind (0 put, 1 update, 2 delete), key, and attribute choices (out-of-range ones leave
    /// the attribute out, which exercises sparse indexes). An update touches the attributes whose bit is set in
    /// `touched` (status 1, at 2, owner 4) and leaves the others as they were, so that it changes an index's
    /// partition key alone, its sort key alone, both, or neither.
    struct Operation: Sendable, CustomStringConvertible {
        var kind: Int
        var partition: Int
        var sort: Int
        var status: Int
        var at: Int
        var owner: Int
        var touched: Int

        var key: DynamoItem { ["pk": .s("p\(partition)"), "sk": .n(DynamoNumber(sort))] }
        var description: String { "\(kind)/p\(partition)/\(sort)/s\(status)/a\(at)/o\(owner)/t\(touched)" }

        var attributes: DynamoItem {
            var item: DynamoItem = [:]
            if status < 3 { item["status"] = .s(["queued", "running", "done"][status]) }
            if at < 4 { item["at"] = .n(DynamoNumber(at * 10 - 15)) }
            if owner < 2 { item["owner"] = .s(["ann", "bob"][owner]) }
            return item
        }
    }

    static let operations = zip(
        Gen.int(in: 0...2), Gen.int(in: 0...3), Gen.int(in: 0...4), Gen.int(in: 0...3), Gen.int(in: 0...4),
        Gen.int(in: 0...2), Gen.int(in: 1...7)
    ).map { Operation(kind: $0, partition: $1, sort: $2, status: $3, at: $4, owner: $5, touched: $6) }
        .array(of: 1...60)

    /// The order of a number or string key value, by the rules DynamoDB sorts keys with.
    static func precedes(_ lhs: AttributeValue?, _ rhs: AttributeValue?) -> Bool {
        switch (lhs, rhs) {
        case (.n(let a)?, .n(let b)?): a < b
        case (.s(let a)?, .s(let b)?): a.utf8.lexicographicallyPrecedes(b.utf8)
        default: false
        }
    }

    struct IndexShape {
        var name: String?
        var partition: String
        var sort: String?
        var projected: Set<String>?
    }

    static let shapes = [
        IndexShape(name: nil, partition: "pk", sort: "sk", projected: nil),
        IndexShape(name: "byStatus", partition: "status", sort: "at", projected: nil),
        IndexShape(name: "byOwner", partition: "owner", sort: nil, projected: ["pk", "sk", "owner"]),
        IndexShape(name: "byOwnerAt", partition: "owner", sort: "at", projected: ["pk", "sk", "owner", "at", "note"]),
        IndexShape(name: "byAt", partition: "pk", sort: "at", projected: ["pk", "sk", "at"]),
    ]

    @Test("every Query on every index equals a brute-force filter and sort of the table")
    func queriesMatchBruteForce() async {
        await propertyCheck(count: 60, input: Self.operations) { operations in
            let db = makeDynamoDBUnderTest()
            let table = try await BehaviourTables.indexed(db)
            var model: [String: DynamoItem] = [:]
            for operation in operations {
                let id = "\(operation.partition)/\(operation.sort)"
                switch operation.kind {
                case 0:
                    let item = operation.key.merging(operation.attributes) { $1 }
                    try await db.put(table, item)
                    model[id] = item
                case 1:
                    var sets: [String] = []
                    var removes: [String] = []
                    var values: DynamoItem = [:]
                    var names: [String: String] = [:]
                    var updated = model[id] ?? operation.key
                    for (index, name) in ["status", "at", "owner"].enumerated() where operation.touched & (1 << index) != 0 {
                        names["#a\(index)"] = name
                        updated[name] = operation.attributes[name]
                        if let value = operation.attributes[name] {
                            sets.append("#a\(index) = :v\(index)")
                            values[":v\(index)"] = value
                        } else {
                            removes.append("#a\(index)")
                        }
                    }
                    var expression = ""
                    if !sets.isEmpty { expression += "SET " + sets.joined(separator: ", ") }
                    if !removes.isEmpty { expression += " REMOVE " + removes.joined(separator: ", ") }
                    _ = try await db.updateItem(UpdateItemInput(
                        tableName: table, key: operation.key, updateExpression: expression,
                        expressionAttributeNames: names, expressionAttributeValues: values.isEmpty ? nil : values))
                    model[id] = updated
                default:
                    _ = try await db.deleteItem(DeleteItemInput(tableName: table, key: operation.key))
                    model[id] = nil
                }
            }
            try await Self.checkEveryQuery(db, table, Array(model.values))
        }
    }

    static func checkEveryQuery(_ db: any DynamoDB, _ table: String, _ items: [DynamoItem]) async throws {
        for shape in shapes {
            let members = items.filter { $0[shape.partition] != nil && (shape.sort.map { $0 } == nil || $0[shape.sort!] != nil) }
            let partitions = Set(members.compactMap { $0[shape.partition] })
            for partition in partitions.sorted(by: { precedes($0, $1) }) {
                for forward in [true, false] {
                    let expected = members.filter { $0[shape.partition] == partition }.sorted { lhs, rhs in
                        if let sort = shape.sort, lhs[sort] != rhs[sort] { return precedes(lhs[sort], rhs[sort]) }
                        if lhs["pk"] != rhs["pk"] { return precedes(lhs["pk"], rhs["pk"]) }
                        return precedes(lhs["sk"], rhs["sk"])
                    }
                    let projected = expected.map { item in shape.projected.map { names in item.filter { names.contains($0.key) } } ?? item }
                    var pages: [DynamoItem] = []
                    var start: DynamoItem?
                    repeat {
                        let output = try await db.query(QueryInput(
                            tableName: table, indexName: shape.name, keyConditionExpression: "#p = :p",
                            expressionAttributeNames: ["#p": shape.partition], expressionAttributeValues: [":p": partition],
                            limit: 3, scanIndexForward: forward, exclusiveStartKey: start))
                        pages += output.items ?? []
                        start = output.lastEvaluatedKey
                    } while start != nil
                    if shape.sort != nil || forward {
                        #expect(pages == (forward ? projected : projected.reversed()), "\(shape.name ?? "table") \(partition)")
                    } else {
                        // Without a sort key the order of equal index keys is unspecified: compare as sets.
                        let byTableKey = pages.sorted { lhs, rhs in
                            lhs["pk"] != rhs["pk"] ? precedes(lhs["pk"], rhs["pk"]) : precedes(lhs["sk"], rhs["sk"])
                        }
                        #expect(byTableKey == projected, "\(shape.name ?? "table") \(partition)")
                    }
                }
            }
        }
    }
}
