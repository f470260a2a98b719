/// Hand-written JSON output: keys sorted, no insignificant whitespace, numbers in their shortest round-trip
/// form. It is the hot path of the event log (several lines per simulated task), where `JSONEncoder` would
/// cost microseconds per line; and its output does not depend on Foundation's version.
extension JSONValue {
    /// Compact JSON text with object keys sorted by their UTF-8 bytes.
    public func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    /// Appends the compact JSON text of this value to `output`.
    public func write(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            JSONValue.writeDouble(value, to: &output)
        case .string(let value):
            JSONValue.writeString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: JSONValue.utf8Order).enumerated() {
                if index > 0 { output += "," }
                JSONValue.writeString(key, to: &output)
                output += ":"
                members[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    /// Orders keys by their UTF-8 bytes, which does not depend on locale or Unicode tables.
    public static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Integral doubles keep a `.0` so a reader sees a float; non-finite values (not JSON) become `null`.
    static func writeDouble(_ value: Double, to output: inout String) {
        guard value.isFinite else {
            output += "null"
            return
        }
        output += value.description
    }

    /// Appends `value` as a JSON string literal, escaping what JSON requires and nothing else.
    public static func writeString(_ value: String, to output: inout String) {
        output += "\""
        // Most strings (ids, names, event keys) need no escape: append them whole rather than scalar by scalar.
        if !value.utf8.contains(where: { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }) {
            output += value
            output += "\""
            return
        }
        var pending = value.unicodeScalars.startIndex
        let scalars = value.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let escape: String? =
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case _ where scalar.value < 0x20: "\\u" + hex4(scalar.value)
                default: nil
                }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[pending..<index])
                output += escape
                pending = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[pending..<scalars.endIndex])
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
