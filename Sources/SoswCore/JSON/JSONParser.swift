/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``.
///
/// It replaces `JSONDecoder` on the hot path (every Lambda Invoke payload and every stored task payload is
/// parsed), where going through `Codable` cost microseconds per document. It reads numbers exactly as
/// `JSONValue`'s `Decodable` conformance did through Foundation, so the same text gives the same value:
/// an integer literal that fits `Int64` is `.int`; any other number is `.int` when Foundation would have read
/// it losslessly as an `Int64` (`1.0`, `1e2`, `1e-400`), otherwise `.double`; a number too large for a
/// `Double` is an error. A repeated object key keeps its first value, as Foundation's decoder does.
struct JSONParser {
    /// Containers nested deeper than this are refused (Foundation's limit), so a hostile payload cannot
    /// exhaust the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    /// Reused for strings with escapes, so that each one does not allocate its own buffer.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON document (a UTF-8 byte order mark and surrounding whitespace allowed).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.position = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error(expected: "the end of the document") }
        return value
    }

    // MARK: Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard position < bytes.count else { throw error(expected: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw error(expected: "a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        for expected in UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount) {
            guard position < bytes.count, bytes[position] == expected else {
                throw error(expected: "`\(literal)` (started at byte \(start))")
            }
            position += 1
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error(expected: "a member name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "`:` after the member name")
            skipWhitespace()
            let value = try parseValue()
            if members[key] == nil { members[key] = value }
            skipWhitespace()
            guard position < bytes.count else { throw error(expected: "`,` or `}` in an object") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members)
            default:
                throw error(expected: "`,` or `}` in an object")
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error(expected: "`,` or `]` in an array") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(elements)
            default:
                throw error(expected: "`,` or `]` in an array")
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= JSONParser.maximumDepth else {
            throw error(expected: "at most \(JSONParser.maximumDepth) nested arrays and objects")
        }
    }

    // MARK: Strings

    /// Reads a string literal starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        // Most strings have no escape: take their bytes as they are.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error(expected: "a control character (below U+0020) to be escaped") }
            position += 1
        }
        guard position < bytes.count else { throw error(expected: "`\"` to close the string that starts at byte \(start - 1)") }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape()
            case ..<0x20:
                throw error(expected: "a control character (below U+0020) to be escaped")
            default:
                scratch.append(byte)
                position += 1
            }
        }
        throw error(expected: "`\"` to close the string that starts at byte \(start - 1)")
    }

    /// Reads one escape sequence starting at its backslash and appends the character's UTF-8 to `scratch`.
    private mutating func parseEscape() throws(JSONParseError) {
        position += 1
        guard position < bytes.count else { throw error(expected: "an escape character after `\\`") }
        let replacement: UInt8
        switch bytes[position] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"):
            position += 1
            try appendUnicodeEscape()
            return
        default:
            throw error(expected: "one of `\"\\/bfnrtu` after `\\`")
        }
        scratch.append(replacement)
        position += 1
    }

    /// Reads the four hex digits after `\u` (and the low surrogate's `\uXXXX` after a high one).
    private mutating func appendUnicodeEscape() throws(JSONParseError) {
        let escapeStart = position - 2
        let unit = try parseHex4()
        var value = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw error(expected: "a `\\uDC00`–`\\uDFFF` low surrogate after the high surrogate at byte \(escapeStart)")
            }
            position += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                position -= 4
                throw error(expected: "a `\\uDC00`–`\\uDFFF` low surrogate after the high surrogate at byte \(escapeStart)")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            position = escapeStart
            throw error(expected: "a high surrogate (`\\uD800`–`\\uDBFF`) before a low surrogate")
        }
        // Not a surrogate (or a combined pair), so always a valid scalar.
        scratch.append(contentsOf: UTF8.encode(Unicode.Scalar(value)!)!)
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error(expected: "four hex digits after `\\u`") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error(expected: "four hex digits after `\\u`")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        // Accumulated with the literal's sign so that Int64.min fits; nil once it no longer fits.
        var integer: Int64? = 0
        guard position < bytes.count, isDigit(bytes[position]) else { throw error(expected: "a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                let digit = Int64(bytes[position] - UInt8(ascii: "0"))
                if let current = integer {
                    let (shifted, overflow1) = current.multipliedReportingOverflow(by: 10)
                    let (next, overflow2) =
                        negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                    integer = overflow1 || overflow2 ? nil : next
                }
                position += 1
            }
        }
        var isPlainInteger = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isPlainInteger = false
            position += 1
            try skipDigits(after: "`.`")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isPlainInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try skipDigits(after: "the exponent")
        }
        if isPlainInteger, let integer { return .int(integer) }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard let double = Double(String(decoding: literal, as: UTF8.self)), double.isFinite else {
            position = start
            throw error(expected: "a number within the range of a Double")
        }
        return JSONParser.number(double, literal: literal)
    }

    private mutating func skipDigits(after what: String) throws(JSONParseError) {
        guard position < bytes.count, isDigit(bytes[position]) else { throw error(expected: "a digit after \(what)") }
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The value Foundation's decoder gives a number that is not a plain `Int64` literal: `.int` when it
    /// reads it as an `Int64` — the double is integral and in range, and below 2^53 taken as is, from 2^53 on
    /// re-read through `Decimal` — and `.double` otherwise.
    private static func number(_ double: Double, literal: UnsafeBufferPointer<UInt8>) -> JSONValue {
        guard let whole = Int64(exactly: double) else { return .double(double) }
        if double.magnitude < 0x1p53 { return .int(whole) }
        return decimalInteger(literal).map(JSONValue.int) ?? .double(double)
    }

    /// `Int64(Decimal(string: literal))` as Foundation computes it: the significant digits that fit in a
    /// 128-bit mantissa (digits beyond it dropped, not rounded), trailing zeros removed, the mantissa within
    /// `UInt64`, then scaled by its power of ten (fractions truncated); nil when something does not fit.
    private static func decimalInteger(_ literal: UnsafeBufferPointer<UInt8>) -> Int64? {
        var mantissa: UInt128 = 0
        var exponent = 0
        var negative = false
        var inFraction = false
        var index = 0
        while index < literal.count {
            let byte = literal[index]
            switch byte {
            case UInt8(ascii: "-"):
                negative = true
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                let rest = UnsafeBufferPointer(rebasing: literal[(index + 1)...])
                guard let explicit = Int(String(decoding: rest, as: UTF8.self)) else { return nil }
                exponent += explicit
                index = literal.count
                continue
            default:
                let digit = UInt128(byte - UInt8(ascii: "0"))
                let (shifted, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = shifted.addingReportingOverflow(digit)
                if overflow1 || overflow2 {
                    if !inFraction { exponent += 1 }
                } else {
                    mantissa = next
                    if inFraction { exponent -= 1 }
                }
            }
            index += 1
        }
        while mantissa != 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard var magnitude = UInt64(exactly: mantissa) else { return nil }
        if exponent < 0 {
            for _ in 0 ..< -exponent { magnitude /= 10 }
        } else {
            for _ in 0..<exponent {
                let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = next
            }
        }
        guard let value = Int64(exactly: magnitude) else { return nil }
        return negative ? -value : value
    }

    // MARK: Whitespace and errors

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        guard position < bytes.count, bytes[position] == byte else { throw error(expected: what) }
        position += 1
    }

    private func error(expected: String) -> JSONParseError {
        JSONParseError(offset: position, expected: expected, found: JSONParser.describe(bytes, at: position))
    }

    /// What stands at `offset`, for an error message: the character, or "the end of the input".
    private static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "`\(Character(Unicode.Scalar(byte)))`" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count < 2 ? "0" + hex : hex)"
    }
}
