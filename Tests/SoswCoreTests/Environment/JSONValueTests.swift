import SoswCore
import Testing

@Suite("JSON values")
struct JSONValueTests {
    @Test("serialisation sorts keys and keeps ints and doubles apart")
    func serialisation() {
        let value: JSONValue = ["b": 1, "a": 1.0, "c": ["x", nil, false], "d": "q\"\\\n\u{01}"]
        #expect(value.serialized() == #"{"a":1.0,"b":1,"c":["x",null,false],"d":"q\"\\\n\u0001"}"#)
    }

    @Test("parsing gives back the same value")
    func parsing() throws {
        let text = #"{"a":1.5,"b":2,"c":[true,null,"s"],"d":{"e":-3}}"#
        let value = try JSONValue(parsing: text)
        #expect(value == ["a": 1.5, "b": 2, "c": [true, nil, "s"], "d": ["e": -3]])
        #expect(value.serialized() == text)
        #expect(value["b"]?.intValue == 2)
        #expect(value["a"]?.doubleValue == 1.5)
    }

    @Test("malformed text throws")
    func malformed() {
        #expect(throws: (any Error).self) { try JSONValue(parsing: "{\"a\":") }
    }
}
