/// One lexical token of an expression, with its byte range in the source so syntax errors can quote the
/// surroundings the way DynamoDB does (`near: "..."`).
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word: an attribute name, a function name or a keyword (AND, SET, ...).
        case word
        /// `#name`, an ExpressionAttributeNames placeholder.
        case namePlaceholder
        /// `:value`, an ExpressionAttributeValues placeholder.
        case valuePlaceholder
        /// A run of decimal digits (list indexes).
        case digits
        /// Punctuation and operators: `( ) [ ] , . = <> < <= > >= + -`.
        case symbol
        /// A character the language does not know; it can only ever be the subject of a syntax error.
        case unknown
        /// The end of the text.
        case end
    }

    var kind: Kind
    var text: String
    /// Byte offsets into the UTF-8 source.
    var start: Int
    var end: Int

    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }

    /// Keywords are case-insensitive in DynamoDB's grammar.
    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.count == keyword.count && text.uppercased() == keyword
    }
}
