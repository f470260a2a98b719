import SoswCore
import Testing

/// The byte writer behind `serialized()`, `pythonDumps()` and the event log must write exactly what the
/// `String` writer it replaced wrote: the event log's hash depends on every byte.
@Suite("JSON writer")
struct JSONWriterTests {
    @Test("strings escape what JSON requires, and every non-ASCII scalar in Python's dialect")
    func escapes() {
        let value: JSONValue = .string("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}/é\u{7F}😀€ end")
        #expect(value.serialized() == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/é\u{7F}😀€ end\"")
        #expect(value.pythonDumps() == #""a\"b\\c\n\r\t\b\f\u0001\u001f/\u00e9\u007f\ud83d\ude00\u20ac end""#)
        #expect(JSONValue.string("plain").serialized() == #""plain""#)
        #expect(JSONValue.string("").pythonDumps() == #""""#)
    }

    @Test("the byte writer appends to what the buffer holds")
    func bytesAppend() {
        let value: JSONValue = ["é": [1, -2.5, nil, true, "x\u{0}"], "a": ["b": .double(.infinity)], "Z": 0]
        var bytes = Array("prefix ".utf8)
        value.write(to: &bytes, style: .python)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == #"prefix {"Z": 0, "a": {"b": Infinity}, "\u00e9": [1, -2.5, null, true, "x\u0000"]}"#)
        #expect(value.serialized() == #"{"Z":0,"a":{"b":null},"é":[1,-2.5,null,true,"x\u0000"]}"#)
        var escaped: [UInt8] = []
        JSONValue.writeString("q\"", to: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == #""q\"""#)
    }

    @Test("integers are written as String(value) writes them", arguments: [
        Int64.min, Int64.min + 1, -1_000_000, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1_234_567_890, Int64.max,
    ])
    func integers(_ value: Int64) {
        var bytes: [UInt8] = []
        JSONValue.writeInteger(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }

    @Test("keys sort by their UTF-8 bytes")
    func keyOrder() {
        let keys = ["b", "a", "ab", "", "é", "z", "Z", "😀", "\u{FFFF}", "a\u{0}"]
        let sorted = keys.sorted(by: JSONValue.utf8Order)
        #expect(sorted == ["", "Z", "a", "a\u{0}", "ab", "b", "z", "é", "\u{FFFF}", "😀"])
        #expect(sorted == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test("event-log times are written as millisecondText", arguments: [
        Int64(0), 1, 999, 1000, 1_767_578_400_123, -1, -999, -1000, -1001,
    ])
    func millisecondText(_ milliseconds: Int64) {
        let time = UnixTime(nanoseconds: milliseconds * 1_000_000)
        var bytes: [UInt8] = []
        time.writeMillisecondText(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == time.millisecondText)
    }
}
