import Foundation
import Testing

@testable import SoswCore

@Suite("AttributeValue")
struct AttributeValueTests {
    private func encode(_ value: AttributeValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func decode(_ text: String) throws -> AttributeValue {
        try JSONDecoder().decode(AttributeValue.self, from: Data(text.utf8))
    }

    @Test(
        "encodes in the AWS JSON shape and decodes back",
        arguments: [
            (AttributeValue.s("x"), #"{"S":"x"}"#),
            (.n(DynamoNumber(15)), #"{"N":"15"}"#),
            (.b([0, 1, 255]), #"{"B":"AAH\/"}"#),
            (.bool(true), #"{"BOOL":true}"#),
            (.null, #"{"NULL":true}"#),
            (.m(["a": .s("b")]), #"{"M":{"a":{"S":"b"}}}"#),
            (.l([.n(DynamoNumber(1)), .bool(false)]), #"{"L":[{"N":"1"},{"BOOL":false}]}"#),
            (.ss(["a", "b"]), #"{"SS":["a","b"]}"#),
            (.ns([DynamoNumber(1), DynamoNumber(-2)]), #"{"NS":["1","-2"]}"#),
            (.bs([[1], [2]]), #"{"BS":["AQ==","Ag=="]}"#),
        ]
    )
    func roundTrip(value: AttributeValue, json: String) throws {
        #expect(try encode(value) == json)
        #expect(try decode(json) == value)
    }

    @Test("numbers decode to their canonical value")
    func numberCanonical() throws {
        #expect(try decode(#"{"N":"1.50"}"#) == .n(try DynamoNumber(parsing: "1.5")))
        #expect(try encode(try decode(#"{"N":"0010.0"}"#)) == #"{"N":"10"}"#)
    }

    @Test("a value with no or two type descriptors is rejected")
    func wrongShape() {
        #expect(throws: DynamoDBError.self) { try decode(#"{"S":"a","N":"1"}"#) }
        #expect(throws: DynamoDBError.self) { try decode(#"{}"#) }
        #expect(throws: DynamoDBError.self) { try decode(#"{"X":"1"}"#) }
        #expect(throws: DynamoDBError.self) { try decode(#"{"NULL":false}"#) }
        #expect(throws: DynamoDBError.self) { try decode(#"{"N":"abc"}"#) }
    }

    @Test("nested documents round-trip")
    func nested() throws {
        let value = AttributeValue.m([
            "list": .l([.m(["deep": .ns([DynamoNumber(3)])]), .null, .b([])]),
            "flag": .bool(false),
        ])
        let text = try encode(value)
        #expect(try decode(text) == value)
    }

    @Test("type names", arguments: zip(
        [AttributeValue.s(""), .n(0), .b([]), .bool(true), .null, .m([:]), .l([]), .ss([]), .ns([]), .bs([])],
        ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]))
    func typeNames(value: AttributeValue, name: String) {
        #expect(value.typeName == name)
    }

    @Test("item size follows AWS's guidelines")
    func itemSize() throws {
        // "name"(4) + "abc"(3); "n"(1) + 123 → 2 + 1; "f"(1) + 1; "m"(1) + 3 + ("k"(1) + 1 + 1); "l"(1) + 3 + (2 + 1)
        let item: DynamoItem = [
            "name": "abc", "n": .n(DynamoNumber(123)), "f": .bool(true),
            "m": .m(["k": .null]), "l": .l([.n(DynamoNumber(5))]),
        ]
        #expect(dynamoItemSize(item) == 7 + 4 + 2 + 7 + 7)
        #expect(dynamoItemSize(["é": .b([1, 2, 3])]) == 5)
        #expect(dynamoItemSize(["ss": .ss(["ab", "c"])]) == 5)
    }
}
