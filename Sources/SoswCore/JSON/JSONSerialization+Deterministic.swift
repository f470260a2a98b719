/// Hand-written JSON output: keys sorted, numbers in their shortest round-trip form, in one of two dialects.
/// It is the hot path of the event log (several lines per simulated task), where `JSONEncoder` would cost
/// microseconds per line; and its output does not depend on Foundation's version.
extension JSONValue {
    /// How the text is laid out.
    public struct WriteStyle: Sendable {
        var itemSeparator: String
        var keySeparator: String
        /// Python escapes every non-ASCII character as `\uXXXX` (surrogate pairs above U+FFFF).
        var escapesNonASCII: Bool
        /// Python writes `NaN` and `±Infinity`; strict JSON has no such numbers, so they become `null`.
        var writesNonFiniteAsPython: Bool

        /// No insignificant whitespace, UTF-8 kept as is: the event log and machine-read files.
        public static let compact = WriteStyle(
            itemSeparator: ",", keySeparator: ":", escapesNonASCII: false, writesNonFiniteAsPython: false)

        /// Python's `json.dumps(value)` with its defaults: `", "` and `": "`, ASCII only. sosw stores task
        /// payloads in this form, and its readers decode any `S` value that starts with `{` and ends with `}`,
        /// so writing the same dialect keeps our items indistinguishable from theirs.
        public static let python = WriteStyle(
            itemSeparator: ", ", keySeparator: ": ", escapesNonASCII: true, writesNonFiniteAsPython: true)
    }

    /// Compact JSON text with object keys sorted by their UTF-8 bytes.
    public func serialized() -> String {
        var output: [UInt8] = []
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The text Python's `json.dumps(value)` writes (see ``WriteStyle/python``), object keys sorted by their
    /// UTF-8 bytes (a parsed object keeps no insertion order).
    public func pythonDumps() -> String {
        var output: [UInt8] = []
        write(to: &output, style: .python)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of this value's JSON text to `output`: the form the event log hashes and
    /// writes, so no intermediate `String` is built.
    public func write(to output: inout [UInt8], style: WriteStyle = .compact) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .int(let value):
            JSONValue.writeInteger(value, to: &output)
        case .double(let value):
            if value.isFinite {
                // Python's float repr and Swift's description agree on shortest round-trip digits.
                output.append(contentsOf: value.description.utf8)
            } else if style.writesNonFiniteAsPython {
                output.append(contentsOf: (value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity").utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let value):
            JSONValue.writeString(value, to: &output, escapingNonASCII: style.escapesNonASCII)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(contentsOf: style.itemSeparator.utf8) }
                value.write(to: &output, style: style)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { JSONValue.utf8Order($0.key, $1.key) }).enumerated() {
                if index > 0 { output.append(contentsOf: style.itemSeparator.utf8) }
                JSONValue.writeString(member.key, to: &output, escapingNonASCII: style.escapesNonASCII)
                output.append(contentsOf: style.keySeparator.utf8)
                member.value.write(to: &output, style: style)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends the decimal digits of `value` (what `String(value)` gives) without building a `String`.
    public static func writeInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            output.append(contentsOf: buffer[start...])
        }
    }

    /// Orders keys by their UTF-8 bytes, which does not depend on locale or Unicode tables.
    public static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
    }

    /// Appends the UTF-8 bytes of `value` as a JSON string literal, escaping what JSON requires (and, when
    /// asked, every non-ASCII character).
    public static func writeString(_ value: String, to output: inout [UInt8], escapingNonASCII: Bool = false) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Most strings (ids, names, event keys) need no escape: append their bytes whole.
            var pending = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
                    appendEscape(UInt32(byte), to: &output)
                    index += 1
                    pending = index
                } else if escapingNonASCII && byte > 0x7E {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<index]))
                    let (scalar, length) = decodeScalar(bytes, at: index)
                    appendEscape(scalar, to: &output)
                    index += length
                    pending = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pending..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The scalar whose (valid, since it comes from a `String`) UTF-8 sequence starts at `index`, and the
    /// sequence's length.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// Appends the escape of one scalar that needs escaping: the short form where JSON has one, else
    /// `\uXXXX` (a surrogate pair above U+FFFF).
    private static func appendEscape(_ scalar: UInt32, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch scalar {
        case 0x22: output.append(UInt8(ascii: "\""))
        case 0x5C: output.append(UInt8(ascii: "\\"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case ...0xFFFF:
            appendHex4(scalar, to: &output)
        default:
            let offset = scalar - 0x10000
            appendHex4(0xD800 + (offset >> 10), to: &output)
            output.append(UInt8(ascii: "\\"))
            appendHex4(0xDC00 + (offset & 0x3FF), to: &output)
        }
    }

    /// `u` and four lowercase hex digits (the `\` is already written).
    private static func appendHex4(_ value: UInt32, to output: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        output.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
