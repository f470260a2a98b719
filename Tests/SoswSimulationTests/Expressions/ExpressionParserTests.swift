import Testing
@testable import SoswSimulation

@Suite("Expression parser")
struct ExpressionParserTests {
    private static func path(_ elements: DocumentPath.Element...) -> SyntaxOperand {
        .path(DocumentPath(elements: elements))
    }

    @Test func parsesNestedPathsWithPlaceholdersAndIndexes() throws {
        let paths = try ExpressionParser.projection("a.#b[2].c, d [ 10 ] . e")
        #expect(paths == [
            DocumentPath(elements: [.name("a"), .placeholder("#b"), .index(2), .name("c")]),
            DocumentPath(elements: [.name("d"), .index(10), .name("e")]),
        ])
    }

    @Test func andBindsTighterThanOrAndNotTighterThanAnd() throws {
        let (condition, _) = try ExpressionParser.condition("a = :a OR NOT b = :b AND c = :c")
        let a = SyntaxCondition.comparison(.equal, Self.path(.name("a")), .value(":a"))
        let b = SyntaxCondition.comparison(.equal, Self.path(.name("b")), .value(":b"))
        let c = SyntaxCondition.comparison(.equal, Self.path(.name("c")), .value(":c"))
        #expect(condition == .or(a, .and(.not(b), c)))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let (condition, redundant) = try ExpressionParser.condition("(a = :a or b = :b) and c = :c")
        let a = SyntaxCondition.comparison(.equal, Self.path(.name("a")), .value(":a"))
        let b = SyntaxCondition.comparison(.equal, Self.path(.name("b")), .value(":b"))
        let c = SyntaxCondition.comparison(.equal, Self.path(.name("c")), .value(":c"))
        #expect(condition == .and(.or(a, b), c))
        #expect(!redundant)
    }

    @Test func parenthesizedOperandIsNotMistakenForACondition() throws {
        let (condition, _) = try ExpressionParser.condition("(a) <= :v")
        #expect(condition == .comparison(.lessOrEqual, Self.path(.name("a")), .value(":v")))
    }

    @Test func doubleParenthesesAreFlaggedRedundant() throws {
        #expect(try ExpressionParser.condition("((a = :v))").hasRedundantParentheses)
        #expect(try ExpressionParser.condition("((a)) = :v").hasRedundantParentheses)
        #expect(try !ExpressionParser.condition("((a) = :v)").hasRedundantParentheses)
    }

    @Test func parsesBetweenInAndFunctions() throws {
        let (condition, _) = try ExpressionParser.condition(
            "a BETWEEN :lo AND :hi AND b IN (:x, :y) AND begins_with(c, :p) AND size(d) > :n")
        let between = SyntaxCondition.between(Self.path(.name("a")), lower: .value(":lo"), upper: .value(":hi"))
        let membership = SyntaxCondition.membership(Self.path(.name("b")), candidates: [.value(":x"), .value(":y")])
        let beginsWith = SyntaxCondition.function(name: "begins_with", arguments: [Self.path(.name("c")), .value(":p")])
        let size = SyntaxCondition.comparison(
            .greater, .function(name: "size", arguments: [Self.path(.name("d"))]), .value(":n"))
        #expect(condition == .and(.and(.and(between, membership), beginsWith), size))
    }

    @Test(arguments: [
        ("=", ComparisonOperator.equal), ("<>", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater),
        (">=", .greaterOrEqual),
    ])
    func parsesEveryComparator(symbol: String, comparison: ComparisonOperator) throws {
        let (condition, _) = try ExpressionParser.condition("a\(symbol):v")
        #expect(condition == .comparison(comparison, Self.path(.name("a")), .value(":v")))
    }

    @Test func keywordsAreCaseInsensitive() throws {
        let (condition, _) = try ExpressionParser.condition("not a = :a aNd b between :x AnD :y")
        #expect(condition == .and(
            .not(.comparison(.equal, Self.path(.name("a")), .value(":a"))),
            .between(Self.path(.name("b")), lower: .value(":x"), upper: .value(":y"))))
    }

    @Test func parsesUpdateClausesInAnyOrder() throws {
        let clauses = try ExpressionParser.update(
            "REMOVE x[1], y add n :one SET a = a + :inc, b = if_not_exists(b, :zero), c = list_append(c, :l) delete s :s")
        #expect(clauses == [
            .remove([DocumentPath(elements: [.name("x"), .index(1)]), DocumentPath(elements: [.name("y")])]),
            .add([(DocumentPath(elements: [.name("n")]), ":one")]),
            .set([
                (DocumentPath(elements: [.name("a")]), .plus(Self.path(.name("a")), .value(":inc"))),
                (DocumentPath(elements: [.name("b")]),
                 .operand(.function(name: "if_not_exists", arguments: [Self.path(.name("b")), .value(":zero")]))),
                (DocumentPath(elements: [.name("c")]),
                 .operand(.function(name: "list_append", arguments: [Self.path(.name("c")), .value(":l")]))),
            ]),
            .delete([(DocumentPath(elements: [.name("s")]), ":s")]),
        ])
    }

    @Test func parsesParenthesizedSetValue() throws {
        let clauses = try ExpressionParser.update("SET a = (b - :c)")
        #expect(clauses == [.set([(DocumentPath(elements: [.name("a")]), .minus(Self.path(.name("b")), .value(":c")))])])
    }

    @Test(arguments: [
        // (expression, token, near) — shapes observed from the service.
        ("SET", "<EOF>", "SET"),
        ("attribute_type()", ")", "()"),
        ("a = :v AND", "<EOF>", "AND"),
        ("a = = :v", "=", "= = :v"),
        ("a", "<EOF>", "a"),
        ("a = :v b", "b", ":v b"),
        ("a < b < c", "<", "b < c"),
        ("a = 1", "1", "= 1"),
        ("a @ :v", "@", "a @ :v"),
    ])
    func conditionSyntaxErrorsNameTheTokenAndItsNeighbours(text: String, token: String, near: String) {
        #expect(throws: ExpressionSyntaxError(token: token, near: near)) {
            _ = try ExpressionParser.condition(text)
        }
    }

    @Test(arguments: [
        ("SET", "<EOF>", "SET"),
        ("SET a = :v,", "<EOF>", ","),
        ("set a b", "b", "a b"),
        ("remove a = b", "=", "a = b"),
        ("SET a = b + c + d", "+", "c + d"),
        ("SET a = b * c", "*", "b * c"),
        ("add a b", "b", "a b"),
        ("SET x = :v, remove = :w", "remove", ", remove ="),
        ("whatever", "whatever", "whatever"),
    ])
    func updateSyntaxErrors(text: String, token: String, near: String) {
        #expect(throws: ExpressionSyntaxError(token: token, near: near)) {
            _ = try ExpressionParser.update(text)
        }
    }

    @Test(arguments: [
        ("l[a]", "a", "[a]"),
        ("a,", "<EOF>", ","),
        ("user-id", "-", "user-id"),
        ("a.", "<EOF>", "."),
    ])
    func projectionSyntaxErrors(text: String, token: String, near: String) {
        #expect(throws: ExpressionSyntaxError(token: token, near: near)) {
            _ = try ExpressionParser.projection(text)
        }
    }

    @Test func syntaxErrorDetailHasDynamoDBShape() {
        #expect(ExpressionSyntaxError(token: "<EOF>", near: "SET").detail == "Syntax error; token: \"<EOF>\", near: \"SET\"")
    }

    @Test func lexerKeepsMultibyteCharactersWhole() {
        let tokens = ExpressionLexer.tokens(of: "a = é")
        #expect(tokens.map(\.text) == ["a", "=", "é", "<EOF>"])
        #expect(tokens[2].kind == .unknown)
    }
}
