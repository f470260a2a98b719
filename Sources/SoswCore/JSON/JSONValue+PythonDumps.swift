extension JSONValue {
    /// The text Python's `json.dumps(value)` writes with its defaults: `", "` and `": "` separators and
    /// non-ASCII characters escaped as `\uXXXX` (surrogate pairs above U+FFFF). Object keys are sorted by
    /// their UTF-8 bytes (a parsed object keeps no insertion order).
    ///
    /// sosw stores task payloads in this form; Python readers decode any `S` value that starts with `{` and
    /// ends with `}`, so writing the same dialect keeps items written here indistinguishable from theirs.
    public func pythonDumps() -> String {
        var output = ""
        writePython(to: &output)
        return output
    }

    private func writePython(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            // Python's float repr and Swift's description agree on shortest round-trip digits and exponents.
            if value.isNaN {
                output += "NaN"
            } else if value.isInfinite {
                output += value < 0 ? "-Infinity" : "Infinity"
            } else {
                output += value.description
            }
        case .string(let value):
            JSONValue.writePythonString(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += ", " }
                value.writePython(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted(by: JSONValue.utf8Order).enumerated() {
                if index > 0 { output += ", " }
                JSONValue.writePythonString(key, to: &output)
                output += ": "
                members[key]!.writePython(to: &output)
            }
            output += "}"
        }
    }

    private static func writePythonString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20 || scalar.value > 0x7F:
                if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    output += "\\u" + hex4(0xD800 + (offset >> 10)) + "\\u" + hex4(0xDC00 + (offset & 0x3FF))
                } else {
                    output += "\\u" + hex4(scalar.value)
                }
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
