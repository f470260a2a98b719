/// Why a text is not a JSON document: where the first problem is (a byte offset into the UTF-8 text), what
/// the grammar expected there, and what was found instead.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Offset, in UTF-8 bytes from the start of the text, of the first byte that is wrong.
    public let offset: Int
    public let expected: String
    public let found: String

    public var description: String {
        "not valid JSON at byte \(offset): expected \(expected), found \(found)"
    }
}
