/// Splits expression text into tokens. Never fails: characters outside the language become `.unknown` tokens,
/// which the parser reports as the offending token of a syntax error, as DynamoDB does.
enum ExpressionLexer {
    static func tokens(of text: String) -> [ExpressionToken] {
        let bytes = Array(text.utf8)
        var tokens: [ExpressionToken] = []
        var index = 0

        func emit(_ kind: ExpressionToken.Kind, from start: Int, to end: Int) {
            tokens.append(ExpressionToken(
                kind: kind, text: String(decoding: bytes[start..<end], as: UTF8.self), start: start, end: end))
        }
        func scanWhile(_ predicate: (UInt8) -> Bool, from start: Int) -> Int {
            var end = start
            while end < bytes.count, predicate(bytes[end]) { end += 1 }
            return end
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            case _ where isWordStart(byte):
                let end = scanWhile(isWordPart, from: index + 1)
                emit(.word, from: index, to: end)
                index = end
            case _ where isDigit(byte):
                let end = scanWhile(isDigit, from: index + 1)
                emit(.digits, from: index, to: end)
                index = end
            case UInt8(ascii: "#"), UInt8(ascii: ":"):
                let end = scanWhile(isWordPart, from: index + 1)
                if end == index + 1 {
                    emit(.unknown, from: index, to: end)
                } else {
                    emit(byte == UInt8(ascii: "#") ? .namePlaceholder : .valuePlaceholder, from: index, to: end)
                }
                index = end
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let isPair = next == UInt8(ascii: "=") || (byte == UInt8(ascii: "<") && next == UInt8(ascii: ">"))
                let end = isPair ? index + 2 : index + 1
                emit(.symbol, from: index, to: end)
                index = end
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"):
                emit(.symbol, from: index, to: index + 1)
                index += 1
            default:
                let end = min(bytes.count, index + utf8SequenceLength(leadingByte: byte))
                emit(.unknown, from: index, to: end)
                index = end
            }
        }
        let endOffset = tokens.last?.end ?? 0
        tokens.append(ExpressionToken(kind: .end, text: "<EOF>", start: endOffset, end: endOffset))
        return tokens
    }

    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordPart(_ byte: UInt8) -> Bool {
        isWordStart(byte) || isDigit(byte)
    }

    private static func utf8SequenceLength(leadingByte byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
