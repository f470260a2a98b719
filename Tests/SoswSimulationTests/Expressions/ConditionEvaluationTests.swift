import SoswCore
import Testing
@testable import SoswSimulation

@Suite("Condition evaluation")
struct ConditionEvaluationTests {
    private let item: DynamoItem = [
        "pk": .s("task#1"),
        "count": ExpressionTestSupport.number("10"),
        "price": ExpressionTestSupport.number("2.50"),
        "name": .s("labourer"),
        "bin": .b([1, 2, 3]),
        "flag": .bool(true),
        "nothing": .null,
        "tags": .ss(["a", "b"]),
        "scores": .ns([DynamoNumber(1), DynamoNumber(2)]),
        "elems": .l([.s("x"), ExpressionTestSupport.number("7"), .m(["k": .s("v")])]),
        "meta": .m(["owner": .s("me"), "deep": .m(["level": ExpressionTestSupport.number("3")])]),
        "unicode": .s("é𝄞"),
    ]

    private func evaluate(_ text: String, _ values: DynamoItem = [:], names: [String: String]? = nil) throws -> Bool {
        let compiled = try ExpressionTestSupport.compiler.condition(text)
        let attributes = ExpressionAttributes(names: names, values: values.isEmpty ? nil : values)
        try validateExpressionAttributes(attributes, usedBy: [compiled])
        return try compiled.evaluate(item, attributes)
    }

    @Test(arguments: [
        ("#c = :v", "10", true), ("#c = :v", "10.000", true), ("#c <> :v", "10", false), ("#c < :v", "9", false),
        ("#c <= :v", "10", true), ("#c > :v", "9.99", true), ("#c >= :v", "11", false), ("#c = :v", "1E1", true),
        ("#c > :v", "-100", true),
    ])
    func numbersCompareNumerically(text: String, operand: String, expected: Bool) throws {
        #expect(try evaluate(text, [":v": ExpressionTestSupport.number(operand)], names: ["#c": "count"]) == expected)
    }

    @Test func decimalsCompareByValueNotText() throws {
        #expect(try evaluate("price = :v", [":v": ExpressionTestSupport.number("2.5")]))
        #expect(try evaluate("price < :v", [":v": ExpressionTestSupport.number("10")]))
    }

    @Test func stringsCompareByBytes() throws {
        #expect(try evaluate("#n > :v", [":v": .s("label")], names: ["#n": "name"]))
        #expect(try evaluate("#n < :v", [":v": .s("labourers")], names: ["#n": "name"]))
        #expect(try !evaluate("#n < :v", [":v": .s("Labourer")], names: ["#n": "name"]))
    }

    @Test func binariesCompareByBytes() throws {
        #expect(try evaluate("bin < :v", [":v": .b([1, 2, 4])]))
        #expect(try evaluate("bin > :v", [":v": .b([1, 2])]))
    }

    @Test func differentTypesAreNeverEqualAndNeverOrdered() throws {
        #expect(try !evaluate("#c = :v", [":v": .s("10")], names: ["#c": "count"]))
        #expect(try evaluate("#c <> :v", [":v": .s("10")], names: ["#c": "count"]))
        #expect(try !evaluate("#c < :v", [":v": .s("99")], names: ["#c": "count"]))
        #expect(try !evaluate("#c >= :v", [":v": .s("1")], names: ["#c": "count"]))
    }

    @Test func absentAttributes() throws {
        #expect(try !evaluate("absent = :v", [":v": .s("x")]))
        #expect(try evaluate("absent <> :v", [":v": .s("x")]))
        #expect(try !evaluate("absent < :v", [":v": .s("x")]))
        #expect(try evaluate("attribute_not_exists(absent)"))
        #expect(try !evaluate("attribute_exists(absent)"))
        #expect(try evaluate("attribute_exists(pk) AND attribute_not_exists(meta.nobody)"))
    }

    @Test func setsCompareAsSets() throws {
        #expect(try evaluate("tags = :v", [":v": .ss(["b", "a"])]))
        #expect(try !evaluate("tags = :v", [":v": .ss(["a"])]))
    }

    @Test func nestedPathsAndListIndexes() throws {
        #expect(try evaluate("meta.deep.#l = :v", [":v": ExpressionTestSupport.number("3")], names: ["#l": "level"]))
        #expect(try evaluate("#l[1] = :v", [":v": ExpressionTestSupport.number("7")], names: ["#l": "elems"]))
        #expect(try evaluate("#l[2].k = :v", [":v": .s("v")], names: ["#l": "elems"]))
        #expect(try evaluate("attribute_not_exists(#l[3])", names: ["#l": "elems"]))
        #expect(try evaluate("attribute_not_exists(meta[0])"))
    }

    @Test func betweenIsInclusiveAndTyped() throws {
        let values: DynamoItem = [":lo": ExpressionTestSupport.number("10"), ":hi": ExpressionTestSupport.number("20")]
        #expect(try evaluate("#c BETWEEN :lo AND :hi", values, names: ["#c": "count"]))
        #expect(try !evaluate("price BETWEEN :lo AND :hi", values))
        #expect(try evaluate("#n BETWEEN :a AND :b", [":a": .s("l"), ":b": .s("m")], names: ["#n": "name"]))
    }

    @Test func inMatchesAnyCandidate() throws {
        let values: DynamoItem = [":a": .s("task#0"), ":b": .s("task#1"), ":c": ExpressionTestSupport.number("1")]
        #expect(try evaluate("pk IN (:a, :b, :c)", values))
        #expect(try !evaluate("pk IN (:a, :c)", [":a": .s("task#0"), ":c": ExpressionTestSupport.number("1")]))
    }

    @Test func logicalOperatorsAndPrecedence() throws {
        let values: DynamoItem = [":yes": .bool(true), ":no": .bool(false)]
        #expect(try evaluate("flag = :no OR flag = :yes AND NOT flag = :no", values))
        #expect(try !evaluate("(flag = :no OR flag = :yes) AND flag = :no", values))
        #expect(try evaluate("NOT (flag = :no)", [":no": .bool(false)]))
    }

    @Test(arguments: [
        ("S", "pk"), ("N", "#c"), ("B", "bin"), ("BOOL", "flag"), ("NULL", "nothing"), ("SS", "tags"),
        ("NS", "scores"), ("L", "#l"), ("M", "meta"),
    ])
    func attributeTypeNamesEveryType(typeName: String, path: String) throws {
        let names: [String: String]? = path == "#c" ? ["#c": "count"] : (path == "#l" ? ["#l": "elems"] : nil)
        #expect(try evaluate("attribute_type(\(path), :t)", [":t": .s(typeName)], names: names))
        #expect(try !evaluate("attribute_type(\(path), :t)", [":t": .s(typeName == "S" ? "N" : "S")], names: names))
    }

    @Test func beginsWithOnStringsAndBinaries() throws {
        #expect(try evaluate("begins_with(pk, :p)", [":p": .s("task#")]))
        #expect(try !evaluate("begins_with(pk, :p)", [":p": .s("job#")]))
        #expect(try evaluate("begins_with(bin, :p)", [":p": .b([1, 2])]))
        #expect(try !evaluate("begins_with(bin, :p)", [":p": .s("a")]))
    }

    @Test func containsOnStringsSetsAndLists() throws {
        #expect(try evaluate("contains(#n, :v)", [":v": .s("bour")], names: ["#n": "name"]))
        #expect(try evaluate("contains(tags, :v)", [":v": .s("a")]))
        #expect(try !evaluate("contains(tags, :v)", [":v": .s("c")]))
        #expect(try evaluate("contains(scores, :v)", [":v": ExpressionTestSupport.number("2.0")]))
        #expect(try evaluate("contains(#l, :v)", [":v": ExpressionTestSupport.number("7")], names: ["#l": "elems"]))
        #expect(try evaluate("contains(#l, :v)", [":v": .m(["k": .s("v")])], names: ["#l": "elems"]))
        #expect(try evaluate("contains(bin, :v)", [":v": .b([2, 3])]))
    }

    @Test(arguments: [
        ("#n", "8"), ("bin", "3"), ("tags", "2"), ("scores", "2"), ("#l", "3"), ("meta", "2"), ("#u", "3"),
    ])
    func sizeOfEachType(path: String, expected: String) throws {
        let names = ["#n": "name", "#l": "elems", "#u": "unicode"].filter { path.contains($0.key) }
        #expect(try evaluate("size(\(path)) = :v", [":v": ExpressionTestSupport.number(expected)],
                             names: names.isEmpty ? nil : names))
    }

    @Test func sizeOfANumberOrMissingAttributeIsNoValue() throws {
        #expect(try !evaluate("size(#c) = :v", [":v": ExpressionTestSupport.number("2")], names: ["#c": "count"]))
        #expect(try !evaluate("size(absent) >= :v", [":v": ExpressionTestSupport.number("0")]))
    }

    @Test func aMissingItemIsTheEmptyItem() throws {
        let compiled = try ExpressionTestSupport.compiler.condition("attribute_not_exists(pk)")
        #expect(try compiled.evaluate([:], ExpressionAttributes()))
    }
}
