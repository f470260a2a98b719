/// A strict RFC 8259 syntax check of a request body, run before it is decoded: Foundation's decoder accepts
/// what the service refuses (a trailing comma, comments, unquoted keys), and a request the service would
/// answer with SerializationException must not run. Iterative, so a deeply nested body cannot exhaust the
/// stack.
enum StrictJSON {
    /// Where and why `bytes` is not a single JSON object; nil when it is one.
    static func syntaxError(in bytes: [UInt8]) -> String? {
        var checker = Checker(bytes: bytes)
        return checker.check()
    }

    private struct Checker {
        let bytes: [UInt8]
        var offset = 0

        /// What the value just closed sits in.
        enum Container {
            case object
            case array
        }

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func check() -> String? {
            skipWhitespace()
            guard peek == UInt8(ascii: "{") else { return failure("the body must be a JSON object") }
            var stack: [Container] = []
            // Each turn reads one value; containers push and are closed by the loop below.
            while true {
                skipWhitespace()
                // 0 (never valid here) stands for the end of the body.
                switch peek ?? 0 {
                case UInt8(ascii: "{"):
                    offset += 1
                    skipWhitespace()
                    if peek == UInt8(ascii: "}") {
                        offset += 1
                    } else {
                        stack.append(.object)
                        if let error = key() { return error }
                        continue
                    }
                case UInt8(ascii: "["):
                    offset += 1
                    skipWhitespace()
                    if peek == UInt8(ascii: "]") {
                        offset += 1
                    } else {
                        stack.append(.array)
                        continue
                    }
                case UInt8(ascii: "\""):
                    if let error = string() { return error }
                case UInt8(ascii: "t"):
                    if let error = literal("true") { return error }
                case UInt8(ascii: "f"):
                    if let error = literal("false") { return error }
                case UInt8(ascii: "n"):
                    if let error = literal("null") { return error }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let error = number() { return error }
                default:
                    return failure("expected a value")
                }
                // A value ended: a comma continues its container, a bracket closes it (maybe several).
                while true {
                    skipWhitespace()
                    guard let container = stack.last else {
                        return offset == bytes.count ? nil : failure("unexpected text after the JSON object")
                    }
                    let close = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if peek == close {
                        offset += 1
                        stack.removeLast()
                        continue
                    }
                    guard peek == UInt8(ascii: ",") else {
                        return failure(container == .object ? "expected ',' or '}'" : "expected ',' or ']'")
                    }
                    offset += 1
                    skipWhitespace()
                    if peek == close { return failure("a trailing comma is not JSON") }
                    if container == .object, let error = key() { return error }
                    break
                }
            }
        }

        var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        /// A member's name and its colon.
        mutating func key() -> String? {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { return failure("expected a member name in double quotes") }
            if let error = string() { return error }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { return failure("expected ':' after a member name") }
            offset += 1
            return nil
        }

        mutating func string() -> String? {
            offset += 1
            while let byte = peek {
                offset += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return nil
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { return failure("unterminated string") }
                    offset += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let digit = peek, digit.isHexDigit else { return failure("invalid \\u escape") }
                            offset += 1
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        return failure("invalid escape in a string")
                    }
                case 0x00..<0x20:
                    return failure("unescaped control character in a string")
                default:
                    continue
                }
            }
            return failure("unterminated string")
        }

        mutating func literal(_ word: String) -> String? {
            for expected in word.utf8 {
                guard peek == expected else { return failure("expected '\(word)'") }
                offset += 1
            }
            return nil
        }

        mutating func number() -> String? {
            if peek == UInt8(ascii: "-") { offset += 1 }
            if peek == UInt8(ascii: "0") {
                offset += 1
            } else if !digits() {
                return failure("invalid number")
            }
            if peek == UInt8(ascii: ".") {
                offset += 1
                guard digits() else { return failure("invalid number") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                offset += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
                guard digits() else { return failure("invalid number") }
            }
            return nil
        }

        /// One or more digits; false when there is none.
        mutating func digits() -> Bool {
            let start = offset
            while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            return offset > start
        }

        func failure(_ reason: String) -> String {
            "Malformed JSON at byte \(offset): \(reason)"
        }
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9")) || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}
