import SoswCore
import Testing

@testable import SoswSimulation

/// A Query shape binds its key condition once and later requests only fill in values, so a binding must
/// resolve to exactly what the full resolution gives, and must not exist where the full resolution refuses.
@Suite("Key condition bindings")
struct KeyConditionBindingTests {
    static let values: DynamoItem = [
        ":p": .s("labourer_1"), ":a": ExpressionTestSupport.number("5"), ":b": ExpressionTestSupport.number("9"),
        ":s": .s("pre"),
    ]

    @Test(
        "a binding resolves to what the full resolution gives",
        arguments: [
            "pk = :p", "pk = :p AND sk < :a", "sk <= :a AND pk = :p", ":a > sk AND pk = :p", "pk = :p AND sk >= :a",
            "pk = :p AND :a <= sk", "pk = :p AND sk = :a", "pk = :p AND sk BETWEEN :a AND :b",
            "pk = :p AND begins_with(sk, :s)", "(pk = :p) AND (sk > :a)", "#k = :p AND #s > :a",
        ]
    )
    func agreesWithFullResolution(text: String) throws {
        let compiled = try ExpressionTestSupport.compiler.keyCondition(text)
        let names: [String: String]? = text.contains("#") ? ["#k": "pk", "#s": "sk"] : nil
        let attributes = ExpressionAttributes(names: names, values: Self.values)
        let full = try compiled.resolve(attributes, partitionKey: "pk", sortKey: "sk")
        let binding = try #require(compiled.binding(names: names, partitionKey: "pk", sortKey: "sk"))
        #expect(binding.resolve(ExpressionAttributes(values: Self.values)) == full)
    }

    @Test(
        "conditions the full resolution refuses do not bind",
        arguments: [
            "pk = :p OR sk < :a", "pk < :p", "sk < :a", "pk = :p AND other = :a", "pk = :p AND pk = :s",
            "pk = :p AND sk <> :a", "pk = :p AND size(sk) > :a", "pk = :p AND sk = other", "NOT pk = :p",
            "pk = :p AND attribute_exists(sk)",
        ]
    )
    func refusedConditionsDoNotBind(text: String) throws {
        guard let compiled = try? ExpressionTestSupport.compiler.keyCondition(text) else { return }
        let attributes = ExpressionAttributes(values: Self.values)
        #expect(throws: DynamoDBError.self) { try compiled.resolve(attributes, partitionKey: "pk", sortKey: "sk") }
        #expect(compiled.binding(names: nil, partitionKey: "pk", sortKey: "sk") == nil)
    }

    @Test("a missing value leaves the binding unresolved, for the full resolution to report")
    func missingValue() throws {
        let compiled = try ExpressionTestSupport.compiler.keyCondition("pk = :p AND sk < :missing")
        let binding = try #require(compiled.binding(names: nil, partitionKey: "pk", sortKey: "sk"))
        #expect(binding.resolve(ExpressionAttributes(values: Self.values)) == nil)
        #expect(binding.resolve(ExpressionAttributes()) == nil)
    }
}
