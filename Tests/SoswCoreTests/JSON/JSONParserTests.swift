import Foundation
import SoswCore
import Testing

/// `JSONValue(parsing:)` used to go through Foundation's `JSONDecoder`; the hand-written parser must give the
/// same values for everything that decoder accepted, so the decoder stays here as the oracle. Two things it
/// accepted are refused, as RFC 8259 and Python's `json` refuse them: trailing commas, and malformed numbers
/// in the value of a repeated key (Foundation validates a number only when it reads it).
@Suite("JSON parser")
struct JSONParserTests {
    /// What the old implementation returned: the value, or nil when it threw.
    private static func oracle(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Equality that also tells `0.0` from `-0.0` and `.int(1)` from `.double(1)`.
    private static func identical(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { identical($0, $1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { identical(value, $0) } ?? false }
        default: left == right
        }
    }

    private static func expectSameAsOracle(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = oracle(text)
        let actual = try? JSONValue(parsing: text)
        switch (expected, actual) {
        case (let expected?, let actual?):
            #expect(identical(expected, actual), "\(text.debugDescription): \(actual) != \(expected)",
                sourceLocation: sourceLocation)
        case (nil, nil):
            break
        default:
            let message = "\(text.debugDescription): parser gave \(String(describing: actual)), "
                + "JSONDecoder gave \(String(describing: expected))"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    static let handPicked: [String] = [
        // Literals, whitespace, byte order mark.
        "true", "false", "null", " \t\r\n null \n", "\u{FEFF}1", "[]", "{}", "[ ]", "{ }", " [ 1 , 2 ] ",
        "tru", "nul", "True", "NULL", "\u{0C}1", "\u{0B}1", "", " ", "1 2", "[1]]", "{}}", "[1,,2]", "[,1]", "{,}",
        // Integers, fractions, exponents; the Int64 edges; lossless integers from fractions and exponents.
        "0", "-0", "1", "-1", "42", "01", "00", "-01", "-", "+1", ".5", "1.", "1.e3", "1e", "1e+", "1E-", "0x10",
        "1.0", "-0.0", "1.5", "-1.5", "1e2", "1E2", "1e+2", "1E-2", "1.5e1", "0.1e1", "100e-2", "0e0", "1e01",
        "-1e-0", "1e-400", "2.4e-324", "4.9e-324", "1e400", "-1e400", "1.8e308", "1.7976931348623157e308",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "9223372036854775807.0", "9223372036854775806.0", "-9223372036854775808.0", "9223372036854775807e0",
        "9007199254740992", "9007199254740993", "9007199254740993.0", "9007199254740993.5", "-9007199254740993.5",
        "9007199254740993.00000", "90071992547409930e-1", "900719925474099300000000e-8", "1e17", "1.0e17",
        "9007199254740992.0000000000000000000000000000000000000001",
        "900719925474099312345678901234567890123456789e-29", "123456789012345678901234567890",
        "12345678901234567890e-10", "0.30000000000000004", "1e18", "9.2e18", "9.3e18", "-9.2e18",
        "4611686018427387904.5", "1152921504606846977.25", "18446744073709551616e-1",
        // Strings and escapes.
        #""""#, #""abc""#, #""\"\\\/\b\f\n\r\t""#, #""\u00e9\u00E9""#, #""\u0000""#, #""\u001f""#,
        #""\ud83d\ude00""#, #""\uD83D\uDE00x""#, #""\uDBFF\uDFFF""#, #""\ud83d""#, #""\ude00""#, #""\ud83dx""#,
        #""\uD800\u0041""#, #""\uD800\\""#, #""\u12""#, #""\u12G4""#, #""\x""#, #""\U0041""#, #""\'""#,
        "\"a\tb\"", "\"a\nb\"", "\"\u{7F}\"", "\"é😀\"", #""abc"#, #""abc\"#, #""\"#, "\"\\u00",
        // Containers, nesting, duplicates.
        #"{"a":1,"a":2}"#, #"{"a":2,"a":1}"#, #"{"a":1,"a":2,"a":3}"#, #"{"a":{"b":1},"a":2}"#,
        #"{"a" 1}"#, #"{1:2}"#, #"{"a":}"#, #"{"a"}"#, #"{'a':1}"#, #"[1 2]"#, #"[[[]]]"#, #"[{"":[{}]}]"#,
        #"{"k\u00e9y":"v","":null,"n":[1,-2.5e-3,true,{"x":"y"}]}"#,
        String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
        String(repeating: #"{"a":"#, count: 300) + "1" + String(repeating: "}", count: 300),
    ]

    @Test("hand-picked documents parse as JSONDecoder parsed them", arguments: handPicked)
    func handPickedDocument(_ text: String) {
        Self.expectSameAsOracle(text)
    }

    @Test("random number literals parse as JSONDecoder parsed them")
    func randomNumbers() {
        var random = SplitMix(state: 0x5EED)
        for _ in 0..<20_000 {
            Self.expectSameAsOracle(Self.numberLiteral(&random))
        }
    }

    @Test("random documents, and their serialisations, parse as JSONDecoder parsed them")
    func randomDocuments() {
        var random = SplitMix(state: 42)
        var valid = 0
        for _ in 0..<2_000 {
            let text = Self.document(&random, depth: 0)
            Self.expectSameAsOracle(text)
            // Some generated number literals are malformed on purpose; those documents have nothing to re-read.
            guard let parsed = try? JSONValue(parsing: text) else { continue }
            valid += 1
            // Written back (integral doubles may come back as ints, as they did with JSONDecoder).
            Self.expectSameAsOracle(parsed.serialized())
            Self.expectSameAsOracle(parsed.pythonDumps())
        }
        #expect(valid > 1_000)
    }

    @Test("trailing commas are refused, unlike Foundation's decoder")
    func trailingCommas() {
        for text in ["[1,]", #"{"a":1,}"#, "[[],]"] {
            #expect(Self.oracle(text) != nil)
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        }
    }

    @Test("a malformed number under a repeated key is refused, though Foundation never looked at it")
    func lazyNumberValidation() {
        for text in [#"{"a":1,"a":01}"#, #"{"a":1,"a":[2.e]}"#] {
            #expect(Self.oracle(text) == ["a": 1])
            #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        }
    }

    @Test("an error says at which byte, what was expected and what was found")
    func errorMessages() {
        let cases: [(text: String, offset: Int, expected: String, found: String)] = [
            ("", 0, "a value", "the end of the input"),
            (#"{"a":"#, 5, "a value", "the end of the input"),
            ("[1,]", 3, "a value (object, array, string, number, true, false or null)", "`]`"),
            ("[1 2]", 3, "`,` or `]` in an array", "`2`"),
            (#"{"a" 1}"#, 5, "`:` after the member name", "`1`"),
            (#"{"a":1 "b":2}"#, 7, "`,` or `}` in an object", "`\"`"),
            ("{1:2}", 1, "a member name in double quotes", "`1`"),
            ("1 2", 2, "the end of the document", "`2`"),
            ("01", 1, "the end of the document", "`1`"),
            ("-x", 1, "a digit", "`x`"),
            ("1.e3", 2, "a digit after `.`", "`e`"),
            ("1e+", 3, "a digit after the exponent", "the end of the input"),
            ("tru", 3, "`true` (started at byte 0)", "the end of the input"),
            ("[nulL]", 4, "`null` (started at byte 1)", "`L`"),
            ("1e400", 0, "a number within the range of a Double", "`1`"),
            ("\"a\tb\"", 2, "a control character (below U+0020) to be escaped", "byte 0x09"),
            (#""abc"#, 4, "`\"` to close the string that starts at byte 0", "the end of the input"),
            (#"["a\q"]"#, 4, "one of `\"\\/bfnrtu` after `\\`", "`q`"),
            (#""\u12G4""#, 5, "four hex digits after `\\u`", "`G`"),
            (#""\ude00""#, 1, "a high surrogate (`\\uD800`–`\\uDBFF`) before a low surrogate", "`\\`"),
            (#""\ud83dx""#, 7, "a `\\uDC00`–`\\uDFFF` low surrogate after the high surrogate at byte 1", "`x`"),
            (#""\ud83d\u0041""#, 9, "a `\\uDC00`–`\\uDFFF` low surrogate after the high surrogate at byte 1", "`0`"),
            ("\"é\u{01}\"", 3, "a control character (below U+0020) to be escaped", "byte 0x01"),
            (String(repeating: "[", count: 513), 512, "at most 512 nested arrays and objects", "`[`"),
        ]
        for (text, offset, expected, found) in cases {
            let error = #expect(throws: JSONParseError.self, "\(text.debugDescription)") {
                try JSONValue(parsing: text)
            }
            #expect(error?.offset == offset, "\(text.debugDescription)")
            #expect(error?.expected == expected, "\(text.debugDescription)")
            #expect(error?.found == found, "\(text.debugDescription)")
        }
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[1,]") }
        #expect(error?.description
            == "not valid JSON at byte 3: expected a value (object, array, string, number, true, false or null), found `]`")
    }

    @Test("numbers keep Python's int/float distinction where it is lossless")
    func numberKinds() throws {
        #expect(try JSONValue(parsing: "[1, 1.0, 1.5, 1e2, -0, 9223372036854775808]")
            == [.int(1), .int(1), .double(1.5), .int(100), .int(0), .double(9223372036854775808)])
        #expect(try JSONValue(parsing: "9007199254740993.0") == .int(9_007_199_254_740_993))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
    }

    @Test("strings decode every escape, surrogate pairs included, and keep raw UTF-8")
    func strings() throws {
        #expect(try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00 é😀""#)
            == .string("\"\\/\u{08}\u{0C}\n\r\té😀 é😀"))
        #expect(try JSONValue(parsing: #"{"a":1,"a":2}"#) == ["a": 1])
    }

    // MARK: Generators

    /// A number literal: mostly valid, around the interesting edges (2^53, 2^63, Double's range), sometimes not.
    private static func numberLiteral(_ random: inout SplitMix) -> String {
        var text = random.below(4) == 0 ? "-" : ""
        switch random.below(6) {
        case 0: text += String(random.next() >> random.below(64))
        case 1: text += String((1 << 53) + random.below(1 << 12) - (1 << 11))
        case 2: text += String(UInt64(1) << 63 - random.below(1 << 20) + (1 << 19))
        case 3: text += "0"
        case 4: text += String(random.below(10)) + String(repeating: "0", count: Int(random.below(25)))
        default: text += String((0..<Int(1 + random.below(30))).map { _ in Character(String(random.below(10))) })
        }
        if random.below(2) == 0 {
            text += "." + String((0..<Int(1 + random.below(25))).map { _ in
                random.below(3) == 0 ? "0" : Character(String(random.below(10)))
            })
        }
        if random.below(3) == 0 {
            text += ["e", "E"][Int(random.below(2))] + ["", "+", "-"][Int(random.below(3))]
                + String(random.below(random.below(4) == 0 ? 400 : 25))
        }
        switch random.below(40) {
        case 0: return "0" + text
        case 1: return text + "."
        case 2: return text + "e"
        default: return text
        }
    }

    /// A random document with random whitespace, escapes and numbers.
    private static func document(_ random: inout SplitMix, depth: Int) -> String {
        let space = [" ", "\n", "\t", "\r", "", "", "", ""]
        func gap(_ random: inout SplitMix) -> String { space[Int(random.below(UInt64(space.count)))] }
        switch random.below(depth > 4 ? 4 : 7) {
        case 0: return ["true", "false", "null"][Int(random.below(3))]
        case 1: return numberLiteral(&random)
        case 2, 3: return string(&random)
        case 4, 5:
            let count = Int(random.below(5))
            // Keys end in their index: repeated keys are covered by the hand-picked cases (see also
            // `lazyNumberValidation`).
            let members = (0..<count).map { index in
                gap(&random) + string(&random).dropLast() + "#\(index)\"" + gap(&random) + ":" + gap(&random)
                    + document(&random, depth: depth + 1) + gap(&random)
            }
            return "{" + gap(&random) + members.joined(separator: ",") + "}"
        default:
            let count = Int(random.below(5))
            let elements = (0..<count).map { _ in gap(&random) + document(&random, depth: depth + 1) + gap(&random) }
            return "[" + gap(&random) + elements.joined(separator: ",") + "]"
        }
    }

    private static func string(_ random: inout SplitMix) -> String {
        let pieces = [
            "a", "key", "é", "😀", " ", #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\b"#, #"\f"#, #"\r"#, #"\u0041"#,
            #"\u00e9"#, #"\ud83d\ude00"#, #"\u0000"#, #"\uFFFF"#, "\u{7F}", "x",
        ]
        let count = Int(random.below(6))
        return "\"" + (0..<count).map { _ in pieces[Int(random.below(UInt64(pieces.count)))] }.joined() + "\""
    }
}

/// A small seeded generator, so the random cases are the same on every run.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: UInt64) -> UInt64 {
        next() % bound
    }
}
