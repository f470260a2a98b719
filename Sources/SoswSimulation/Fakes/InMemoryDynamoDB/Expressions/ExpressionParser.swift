/// A recursive-descent parser for DynamoDB's three expression grammars (condition, update, projection).
///
/// It backtracks where the grammar is ambiguous — `(a) = :v` against `(a = :v)` — and, like a PEG parser, reports
/// the token at the furthest position any alternative reached, which is the token DynamoDB names in its
/// "Syntax error; token: ..., near: ..." messages. It checks no meaning: reserved words, function names and
/// placeholders are `ExpressionAnalyzer`'s job, so their errors can be ranked the way the service ranks them.
struct ExpressionParser {
    private let source: [UInt8]
    private let tokens: [ExpressionToken]
    /// Words that are keywords in this grammar and can therefore name neither attributes nor functions.
    private let keywords: Set<String>
    /// For each `(` the index of its matching `)`, to recognise `((...))`.
    private let matchingClose: [Int: Int]
    private var position = 0
    private var furthestFailure = 0
    /// Whether a pair of parentheses directly encloses another pair (DynamoDB rejects `((a = :v))`).
    private(set) var hasRedundantParentheses = false

    private static let conditionKeywords: Set<String> = ["AND", "OR", "NOT", "BETWEEN", "IN"]
    private static let updateKeywords: Set<String> = ["SET", "REMOVE", "ADD", "DELETE"]

    private init(text: String, keywords: Set<String>) {
        source = Array(text.utf8)
        tokens = ExpressionLexer.tokens(of: text)
        self.keywords = keywords
        var matches: [Int: Int] = [:]
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.isSymbol("(") {
                open.append(index)
            } else if token.isSymbol(")"), let opening = open.popLast() {
                matches[opening] = index
            }
        }
        matchingClose = matches
    }

    // MARK: Entry points

    /// Parses a ConditionExpression, FilterExpression or KeyConditionExpression.
    static func condition(_ text: String) throws(ExpressionSyntaxError) -> (SyntaxCondition, hasRedundantParentheses: Bool) {
        var parser = ExpressionParser(text: text, keywords: conditionKeywords)
        guard let condition = parser.parseOr(), parser.atEnd() else { throw parser.syntaxError() }
        return (condition, parser.hasRedundantParentheses)
    }

    /// Parses an UpdateExpression into its clauses, in the order written.
    static func update(_ text: String) throws(ExpressionSyntaxError) -> [SyntaxUpdateClause] {
        var parser = ExpressionParser(text: text, keywords: updateKeywords)
        var clauses: [SyntaxUpdateClause] = []
        repeat {
            guard let clause = parser.parseUpdateClause() else { throw parser.syntaxError() }
            clauses.append(clause)
        } while !parser.atEnd()
        return clauses
    }

    /// Parses a ProjectionExpression into its paths, in the order written.
    static func projection(_ text: String) throws(ExpressionSyntaxError) -> [DocumentPath] {
        var parser = ExpressionParser(text: text, keywords: [])
        guard let paths = parser.parseList({ parser in parser.parsePath() }), parser.atEnd() else {
            throw parser.syntaxError()
        }
        return paths
    }

    // MARK: Conditions

    private mutating func parseOr() -> SyntaxCondition? {
        guard var condition = parseAnd() else { return nil }
        while current.isKeyword("OR") {
            advance()
            guard let right = parseAnd() else { return nil }
            condition = .or(condition, right)
        }
        return condition
    }

    private mutating func parseAnd() -> SyntaxCondition? {
        guard var condition = parseNot() else { return nil }
        while current.isKeyword("AND") {
            advance()
            guard let right = parseNot() else { return nil }
            condition = .and(condition, right)
        }
        return condition
    }

    private mutating func parseNot() -> SyntaxCondition? {
        if current.isKeyword("NOT") {
            advance()
            guard let condition = parseNot() else { return nil }
            return .not(condition)
        }
        return parseParenthesizedCondition()
    }

    private mutating func parseParenthesizedCondition() -> SyntaxCondition? {
        if current.isSymbol("(") {
            let saved = position
            advance()
            if let condition = parseOr(), current.isSymbol(")") {
                noteRedundancy(open: saved, close: position)
                advance()
                return condition
            }
            position = saved
        }
        return parsePredicate()
    }

    private mutating func parsePredicate() -> SyntaxCondition? {
        guard let subject = parseOperand() else { return nil }
        if current.kind == .symbol, let comparison = ComparisonOperator(rawValue: current.text) {
            advance()
            guard let other = parseOperand() else { return nil }
            return .comparison(comparison, subject, other)
        }
        if current.isKeyword("BETWEEN") {
            advance()
            guard let lower = parseOperand() else { return nil }
            guard expectKeyword("AND"), let upper = parseOperand() else { return nil }
            return .between(subject, lower: lower, upper: upper)
        }
        if current.isKeyword("IN") {
            advance()
            guard expectSymbol("("), let candidates = parseList({ parser in parser.parseOperand() }),
                expectSymbol(")")
            else { return nil }
            return .membership(subject, candidates: candidates)
        }
        if case .function(let name, let arguments) = subject {
            return .function(name: name, arguments: arguments)
        }
        return fail()
    }

    // MARK: Updates

    private mutating func parseUpdateClause() -> SyntaxUpdateClause? {
        if current.isKeyword("SET") {
            advance()
            return parseList({ parser in parser.parseSetAction() }).map(SyntaxUpdateClause.set)
        }
        if current.isKeyword("REMOVE") {
            advance()
            return parseList({ parser in parser.parsePath() }).map(SyntaxUpdateClause.remove)
        }
        if current.isKeyword("ADD") {
            advance()
            return parseList({ parser in parser.parsePathAndValue() }).map(SyntaxUpdateClause.add)
        }
        if current.isKeyword("DELETE") {
            advance()
            return parseList({ parser in parser.parsePathAndValue() }).map(SyntaxUpdateClause.delete)
        }
        return fail()
    }

    private mutating func parseSetAction() -> (path: DocumentPath, value: SyntaxSetValue)? {
        guard let path = parsePath(), expectSymbol("=") else { return nil }
        if current.isSymbol("(") {
            let saved = position
            advance()
            if let value = parseSetValue(), current.isSymbol(")") {
                advance()
                return (path, value)
            }
            position = saved
        }
        guard let value = parseSetValue() else { return nil }
        return (path, value)
    }

    private mutating func parseSetValue() -> SyntaxSetValue? {
        guard let left = parseOperand() else { return nil }
        if current.isSymbol("+") || current.isSymbol("-") {
            let isPlus = current.isSymbol("+")
            advance()
            guard let right = parseOperand() else { return nil }
            return isPlus ? .plus(left, right) : .minus(left, right)
        }
        return .operand(left)
    }

    private mutating func parsePathAndValue() -> (path: DocumentPath, value: String)? {
        guard let path = parsePath() else { return nil }
        guard current.kind == .valuePlaceholder else { return fail() }
        let value = current.text
        advance()
        return (path, value)
    }

    // MARK: Operands and paths

    private mutating func parseOperand() -> SyntaxOperand? {
        if current.isSymbol("(") {
            let saved = position
            advance()
            if let operand = parseOperand(), current.isSymbol(")") {
                noteRedundancy(open: saved, close: position)
                advance()
                return operand
            }
            position = saved
            return fail()
        }
        if current.kind == .word, !isKeyword(current), tokens[position + 1].isSymbol("(") {
            let name = current.text
            advance()
            advance()
            guard let arguments = parseList({ parser in parser.parseOperand() }), expectSymbol(")") else { return nil }
            return .function(name: name, arguments: arguments)
        }
        if current.kind == .valuePlaceholder {
            let value = current.text
            advance()
            return .value(value)
        }
        return parsePath().map(SyntaxOperand.path)
    }

    private mutating func parsePath() -> DocumentPath? {
        guard let head = parsePathName() else { return nil }
        var elements = [head]
        while true {
            if current.isSymbol("[") {
                advance()
                guard current.kind == .digits, let index = Int(current.text) else { return fail() }
                advance()
                guard expectSymbol("]") else { return nil }
                elements.append(.index(index))
            } else if current.isSymbol(".") {
                advance()
                guard let name = parsePathName() else { return nil }
                elements.append(name)
            } else {
                return DocumentPath(elements: elements)
            }
        }
    }

    private mutating func parsePathName() -> DocumentPath.Element? {
        switch current.kind {
        case .word where !isKeyword(current):
            defer { advance() }
            return .name(current.text)
        case .namePlaceholder:
            defer { advance() }
            return .placeholder(current.text)
        default:
            return fail()
        }
    }

    // MARK: Machinery

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// Whether the whole text was consumed; if not, the current token is where parsing stopped.
    private mutating func atEnd() -> Bool {
        if current.kind == .end { return true }
        furthestFailure = max(furthestFailure, position)
        return false
    }

    private func isKeyword(_ token: ExpressionToken) -> Bool {
        !keywords.isEmpty && keywords.contains(token.text.uppercased())
    }

    /// Records that parsing could not go on at the current token and returns `nil` for the caller to propagate.
    private mutating func fail<T>() -> T? {
        furthestFailure = max(furthestFailure, position)
        return nil
    }

    private mutating func expectSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return fail() ?? false }
        advance()
        return true
    }

    private mutating func expectKeyword(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return fail() ?? false }
        advance()
        return true
    }

    /// One or more items separated by commas.
    private mutating func parseList<T>(_ item: (inout ExpressionParser) -> T?) -> [T]? {
        guard let first = item(&self) else { return nil }
        var items = [first]
        while current.isSymbol(",") {
            advance()
            guard let next = item(&self) else { return nil }
            items.append(next)
        }
        return items
    }

    private mutating func noteRedundancy(open: Int, close: Int) {
        if tokens[open + 1].isSymbol("("), matchingClose[open + 1] == close - 1 {
            hasRedundantParentheses = true
        }
    }

    /// The error DynamoDB reports: the furthest token reached, quoted with its neighbours.
    private func syntaxError() -> ExpressionSyntaxError {
        let index = furthestFailure
        let token = tokens[index]
        let start = index > 0 ? tokens[index - 1].start : token.start
        var end = token.end
        if token.kind != .end, index + 1 < tokens.count, tokens[index + 1].kind != .end {
            end = tokens[index + 1].end
        }
        return ExpressionSyntaxError(
            token: token.text, near: String(decoding: source[start..<max(start, end)], as: UTF8.self))
    }
}
