/// Reads an XML document into ``AWSXMLElement``s with an explicit stack: the declaration, comments and
/// processing instructions are skipped, CDATA is text, and the five named entities and numeric character
/// references are resolved. A document type declaration is refused (AWS never sends one, and not expanding
/// entities keeps a hostile body harmless), and so is nesting deeper than ``maxDepth``: the element tree is
/// released and compared recursively, and AWS responses are a handful of levels deep.
struct AWSXMLParser {
    static let maxDepth = 64

    private struct OpenElement {
        var qualifiedName: String
        var element: AWSXMLElement
    }

    private let bytes: [UInt8]
    private var index = 0
    private var open: [OpenElement] = []
    private var root: AWSXMLElement?

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func parse(_ document: [UInt8]) throws(AWSXMLParseError) -> AWSXMLElement {
        var parser = AWSXMLParser(bytes: document)
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(AWSXMLParseError) -> AWSXMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                try appendText(try readText())
            } else if startsWith("<?") {
                try skip(past: "?>")
            } else if startsWith("<!--") {
                try skip(past: "-->")
            } else if startsWith("<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                try appendText(String(decoding: bytes[start..<(index - 3)], as: UTF8.self))
            } else if startsWith("<!") {
                throw failure("a document type declaration (<!…>) is not accepted")
            } else if startsWith("</") {
                try closeElement()
            } else {
                try openElement()
            }
        }
        if let unclosed = open.last {
            throw failure("the document ends inside <\(unclosed.qualifiedName)>")
        }
        guard let root else { throw failure("the document has no element") }
        return root
    }

    // MARK: Elements

    private mutating func openElement() throws(AWSXMLParseError) {
        index += 1
        let name = try readName()
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside the tag <\(name)") }
            if startsWith("/>") {
                index += 2
                try attach(AWSXMLElement(name: Self.localName(name)))
                return
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                guard open.count < Self.maxDepth else {
                    throw failure("elements nested deeper than \(Self.maxDepth) levels")
                }
                open.append(OpenElement(qualifiedName: name, element: AWSXMLElement(name: Self.localName(name))))
                return
            }
            try skipAttribute(in: name)
        }
    }

    private mutating func closeElement() throws(AWSXMLParseError) {
        index += 2
        let name = try readName()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
            throw failure("expected '>' to end </\(name)")
        }
        index += 1
        guard let closed = open.popLast() else { throw failure("</\(name)> closes no open element") }
        guard closed.qualifiedName == name else {
            throw failure("</\(name)> closes <\(closed.qualifiedName)>")
        }
        try attach(closed.element)
    }

    private mutating func attach(_ element: AWSXMLElement) throws(AWSXMLParseError) {
        if open.isEmpty {
            guard root == nil else { throw failure("a second root element <\(element.name)>") }
            root = element
        } else {
            open[open.count - 1].element.children.append(element)
        }
    }

    private mutating func appendText(_ text: String) throws(AWSXMLParseError) {
        if open.isEmpty {
            guard text.allSatisfy(\.isWhitespace) else {
                throw failure("text outside the root element: '\(text.prefix(40))'")
            }
        } else {
            open[open.count - 1].element.text += text
        }
    }

    /// `name="value"` or `name='value'`; the value may hold `>`.
    private mutating func skipAttribute(in tag: String) throws(AWSXMLParseError) {
        let attribute = try readName()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            throw failure("expected '=' after the attribute \(attribute) of <\(tag)>")
        }
        index += 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw failure("expected a quoted value for the attribute \(attribute) of <\(tag)>")
        }
        let quote = bytes[index]
        index += 1
        while index < bytes.count, bytes[index] != quote { index += 1 }
        guard index < bytes.count else { throw failure("the value of the attribute \(attribute) is not closed") }
        index += 1
    }

    // MARK: Text

    private mutating func readText() throws(AWSXMLParseError) -> String {
        var text: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") {
            if bytes[index] == UInt8(ascii: "&") {
                text.append(contentsOf: try readReference())
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let namedEntities: [String: UInt8] = [
        "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "amp": UInt8(ascii: "&"),
        "quot": UInt8(ascii: "\""), "apos": UInt8(ascii: "'"),
    ]

    /// `&name;`, `&#decimal;` or `&#xhex;`, as UTF-8.
    private mutating func readReference() throws(AWSXMLParseError) -> [UInt8] {
        let start = index
        guard let semicolon = bytes[start...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            throw failure("'&' starts no entity reference (escape it as &amp;)")
        }
        let reference = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        index = semicolon + 1
        if let byte = Self.namedEntities[reference] { return [byte] }
        let scalar: Unicode.Scalar?
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            scalar = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if reference.hasPrefix("#") {
            scalar = UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        } else {
            scalar = nil
        }
        guard let scalar else {
            index = start
            throw failure("unknown entity reference &\(reference);")
        }
        return Array(String(Character(scalar)).utf8)
    }

    // MARK: Lexing

    private mutating func readName() throws(AWSXMLParseError) -> String {
        let start = index
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        guard index > start else { throw failure("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
            || byte == UInt8(ascii: "<")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
    }

    private func startsWith(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    private mutating func skip(past terminator: StaticString) throws(AWSXMLParseError) {
        let start = index
        while index < bytes.count {
            if startsWith(terminator) {
                index += terminator.utf8CodeUnitCount
                return
            }
            index += 1
        }
        index = start
        throw failure("'\(terminator)' never comes")
    }

    /// `ns:Name` → `Name`.
    private static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    private func failure(_ problem: String) -> AWSXMLParseError {
        AWSXMLParseError(offset: index, problem: problem)
    }
}
