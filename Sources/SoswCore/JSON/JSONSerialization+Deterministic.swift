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
        var output = ""
        write(to: &output)
        return output
    }

    /// The text Python's `json.dumps(value)` writes (see ``WriteStyle/python``), object keys sorted by their
    /// UTF-8 bytes (a parsed object keeps no insertion order).
    public func pythonDumps() -> String {
        var output = ""
        write(to: &output, style: .python)
        return output
    }

    /// Appends the JSON text of this value to `output`.
    public func write(to output: inout String, style: WriteStyle = .compact) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            if value.isFinite {
                // Python's float repr and Swift's description agree on shortest round-trip digits.
                output += value.description
            } else if style.writesNonFiniteAsPython {
                output += value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity"
            } else {
                output += "null"
            }
        case .string(let value):
            JSONValue.writeString(value, to: &output, escapingNonASCII: style.escapesNonASCII)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += style.itemSeparator }
                value.write(to: &output, style: style)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: JSONValue.utf8Order).enumerated() {
                if index > 0 { output += style.itemSeparator }
                JSONValue.writeString(key, to: &output, escapingNonASCII: style.escapesNonASCII)
                output += style.keySeparator
                members[key]!.write(to: &output, style: style)
            }
            output += "}"
        }
    }

    /// Orders keys by their UTF-8 bytes, which does not depend on locale or Unicode tables.
    public static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Appends `value` as a JSON string literal, escaping what JSON requires (and, when asked, every
    /// non-ASCII character).
    public static func writeString(_ value: String, to output: inout String, escapingNonASCII: Bool = false) {
        output += "\""
        // Most strings (ids, names, event keys) need no escape: append them whole rather than scalar by scalar.
        if !value.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || (escapingNonASCII && $0 > 0x7E) }) {
            output += value
            output += "\""
            return
        }
        let scalars = value.unicodeScalars
        var pending = scalars.startIndex
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if let escape = escape(scalar, nonASCII: escapingNonASCII) {
                output.unicodeScalars.append(contentsOf: scalars[pending..<index])
                output += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        output += "\""
    }

    private static func escape(_ scalar: Unicode.Scalar, nonASCII: Bool) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case _ where scalar.value < 0x20 || (nonASCII && scalar.value > 0x7E):
            guard scalar.value > 0xFFFF else { return "\\u" + hex4(scalar.value) }
            let offset = scalar.value - 0x10000
            return "\\u" + hex4(0xD800 + (offset >> 10)) + "\\u" + hex4(0xDC00 + (offset & 0x3FF))
        default:
            return nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
