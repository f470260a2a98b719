import SoswCore
import Testing
@testable import SoswSimulation

@Suite("Update expressions")
struct UpdateApplicationTests {
    private let original: DynamoItem = [
        "pk": .s("task#1"),
        "attempts": ExpressionTestSupport.number("2"),
        "label": .s("a"),
        "history": .l([.s("h0"), .s("h1"), .s("h2"), .s("h3")]),
        "doc": .m(["child": .m(["n": ExpressionTestSupport.number("1")])]),
        "tags": .ss(["x", "y"]),
        "ids": .ns([DynamoNumber(1), DynamoNumber(2)]),
    ]

    private func apply(_ text: String, _ values: DynamoItem = [:], names: [String: String]? = nil)
        throws(DynamoDBError) -> (item: DynamoItem, changed: Set<String>)
    {
        let compiled = try ExpressionTestSupport.compiler.update(text)
        let attributes = ExpressionAttributes(names: names, values: values.isEmpty ? nil : values)
        try validateExpressionAttributes(attributes, usedBy: [compiled])
        var item = original
        let resolved = try compiled.resolved(names: names)
        try compiled.apply(resolved, to: &item, attributes) { _, _ in }
        return (item, Set(resolved.topLevelNames))
    }

    private func failure(_ text: String, _ values: DynamoItem = [:], names: [String: String]? = nil) -> String? {
        ExpressionTestSupport.message { () throws(DynamoDBError) in _ = try apply(text, values, names: names) }
    }

    @Test func setArithmeticOnNumbers() throws {
        let result = try apply("SET attempts = attempts + :one, fresh = :ten - attempts",
                               [":one": ExpressionTestSupport.number("1"), ":ten": ExpressionTestSupport.number("10")])
        #expect(result.item["attempts"] == ExpressionTestSupport.number("3"))
        #expect(result.item["fresh"] == ExpressionTestSupport.number("8"))
        #expect(result.changed == ["attempts", "fresh"])
    }

    @Test func setValuesAreComputedFromTheItemBeforeTheUpdate() throws {
        let result = try apply("SET attempts = #l, #l = attempts", names: ["#l": "label"])
        #expect(result.item["attempts"] == .s("a"))
        #expect(result.item["label"] == ExpressionTestSupport.number("2"))
    }

    @Test func arithmeticOnANonNumberIsAnIncorrectDataType() {
        #expect(failure("SET #l = #l + :one", [":one": ExpressionTestSupport.number("1")], names: ["#l": "label"])
            == "An operand in the update expression has an incorrect data type")
    }

    @Test func arithmeticOnAMissingAttributeRefersToNothing() {
        #expect(failure("SET absent = absent + :one", [":one": ExpressionTestSupport.number("1")])
            == "The provided expression refers to an attribute that does not exist in the item")
    }

    @Test func ifNotExistsKeepsExistingValues() throws {
        let values: DynamoItem = [":zero": ExpressionTestSupport.number("0")]
        let result = try apply("SET attempts = if_not_exists(attempts, :zero), created = if_not_exists(created, :zero)", values)
        #expect(result.item["attempts"] == ExpressionTestSupport.number("2"))
        #expect(result.item["created"] == ExpressionTestSupport.number("0"))
    }

    @Test func counterFromNothingWithIfNotExists() throws {
        let values: DynamoItem = [":zero": ExpressionTestSupport.number("0"), ":one": ExpressionTestSupport.number("1")]
        let result = try apply("SET runs = if_not_exists(runs, :zero) + :one", values)
        #expect(result.item["runs"] == ExpressionTestSupport.number("1"))
    }

    @Test func listAppendAtEitherEnd() throws {
        let values: DynamoItem = [":front": .l([.s("f")]), ":back": .l([.s("b")])]
        let result = try apply("SET history = list_append(:front, list_append(history, :back))", values)
        #expect(result.item["history"] == .l([.s("f"), .s("h0"), .s("h1"), .s("h2"), .s("h3"), .s("b")]))
    }

    @Test func listAppendToANonListIsAnIncorrectDataType() {
        #expect(failure("SET #l = list_append(#l, :v)", [":v": .l([])], names: ["#l": "label"])
            == "An operand in the update expression has an incorrect data type")
    }

    @Test func setNestedPathsAndListElements() throws {
        let values: DynamoItem = [":v": .s("new")]
        let result = try apply("SET doc.child.added = :v, history[1] = :v, history[99] = :v", values)
        #expect(result.item["doc"] == .m(["child": .m(["n": ExpressionTestSupport.number("1"), "added": .s("new")])]))
        #expect(result.item["history"] == .l([.s("h0"), .s("new"), .s("h2"), .s("h3"), .s("new")]))
        #expect(result.changed == ["doc", "history"])
    }

    @Test(arguments: ["SET doc.absent.x = :v", "SET absent.x = :v", "SET #l.x = :v", "SET history.x = :v",
                      "SET doc[0] = :v"])
    func setUnderAMissingOrWrongParentIsInvalid(text: String) {
        let names: [String: String]? = text.contains("#l") ? ["#l": "label"] : nil
        #expect(failure(text, [":v": .s("v")], names: names)
            == "The document path provided in the update expression is invalid for update")
    }

    @Test func removeShiftsListElementsUsingOriginalIndexes() throws {
        let result = try apply("REMOVE history[2], history[0], doc.child.n, absent, history[9]")
        #expect(result.item["history"] == .l([.s("h1"), .s("h3")]))
        #expect(result.item["doc"] == .m(["child": .m([:])]))
        #expect(result.item["absent"] == nil)
    }

    @Test func removeTopLevelAttribute() throws {
        let result = try apply("REMOVE #l", names: ["#l": "label"])
        #expect(result.item["label"] == nil)
        #expect(result.changed == ["label"])
    }

    @Test func addToNumbersAndSetsAndCreatesMissingAttributes() throws {
        let values: DynamoItem = [
            ":n": ExpressionTestSupport.number("-5"), ":s": .ss(["y", "z"]), ":ns": .ns([DynamoNumber(7)]),
        ]
        let result = try apply("ADD attempts :n, tags :s, fresh :ns", values)
        #expect(result.item["attempts"] == ExpressionTestSupport.number("-3"))
        #expect(result.item["tags"] == .ss(["x", "y", "z"]))
        #expect(result.item["fresh"] == .ns([DynamoNumber(7)]))
    }

    @Test func addOfTheWrongSetTypeIsAnIncorrectDataType() {
        #expect(failure("ADD tags :ns", [":ns": .ns([DynamoNumber(7)])])
            == "An operand in the update expression has an incorrect data type")
        #expect(failure("ADD #l :n", [":n": ExpressionTestSupport.number("1")], names: ["#l": "label"])
            == "An operand in the update expression has an incorrect data type")
    }

    @Test func deleteFromSetsRemovesEmptiedSets() throws {
        let result = try apply("DELETE tags :t, ids :i, absent :t", [":t": .ss(["x"]), ":i": .ns([DynamoNumber(1), DynamoNumber(2)])])
        #expect(result.item["tags"] == .ss(["y"]))
        #expect(result.item["ids"] == nil)
        #expect(result.item["absent"] == nil)
    }

    @Test func failedUpdateLeavesTheItemUnchanged() throws {
        let compiled = try ExpressionTestSupport.compiler.update("SET label = :v, attempts = attempts + :v")
        var item = original
        let attributes = ExpressionAttributes(values: [":v": .s("s")])
        #expect(throws: DynamoDBError.self) {
            try compiled.apply(compiled.resolved(names: nil), to: &item, attributes) { _, _ in }
        }
        #expect(item == original)
    }

    @Test func refusedResultLeavesTheItemUnchanged() throws {
        let compiled = try ExpressionTestSupport.compiler.update("SET label = :v, doc.child.n = :one REMOVE tags ADD attempts :one")
        var item = original
        let attributes = ExpressionAttributes(values: [":v": .s("b"), ":one": ExpressionTestSupport.number("1")])
        var checked: DynamoItem?
        #expect(throws: DynamoDBError.self) {
            try compiled.apply(compiled.resolved(names: nil), to: &item, attributes) { result, _ throws(DynamoDBError) in
                checked = result
                throw .validation("refused by the check")
            }
        }
        #expect(checked?["label"] == .s("b"))
        #expect(checked?["tags"] == nil)
        #expect(item == original)
    }

    @Test func updatedTopLevelNamesAreSortedAndResolved() throws {
        let compiled = try ExpressionTestSupport.compiler.update("SET #a.b = :v REMOVE z ADD #c :n")
        let names = try compiled.resolved(names: ["#a": "pk", "#c": "count"]).topLevelNames
        #expect(names == ["count", "pk", "z"])
    }

    // MARK: Validation messages

    @Test(arguments: [
        ("SET a = :v SET b = :v", "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;"),
        ("REMOVE a ADD b :n REMOVE c", "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;"),
        ("SET name = :v", "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name"),
        ("SET a = size(b)", "Invalid UpdateExpression: Invalid function name; function: size"),
        ("SET a = if_not_exists(b)", "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"),
        ("SET a = if_not_exists(:v, b)", "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists"),
        ("SET a = :v, b = :x", "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :x"),
        ("SET #x = :v", "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #x"),
        ("SET a = :v REMOVE a", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"),
        ("SET a.b = :v REMOVE #a", "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"),
        ("SET a[1] = :v REMOVE a.b", "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, b]"),
        ("ADD a :v", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"),
        ("DELETE a :n", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"),
        ("SET a = b + :v", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"),
        ("SET a = list_append(b, :n)", "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: N"),
        ("SET a = :v,", "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\""),
        ("", "Invalid UpdateExpression: The expression can not be empty;"),
    ])
    func validationMessages(text: String, message: String) {
        let attributes = ExpressionAttributes(
            names: ["#n": "name", "#a": "a"].filter { text.contains($0.key) },
            values: [":v": .s("s"), ":n": ExpressionTestSupport.number("1")].filter { text.contains($0.key) })
        let reported = ExpressionTestSupport.message { () throws(DynamoDBError) in
            let compiled = try ExpressionTestSupport.compiler.update(text)
            try validateExpressionAttributes(
                ExpressionAttributes(names: attributes.names?.isEmpty == true ? nil : attributes.names,
                                     values: attributes.values?.isEmpty == true ? nil : attributes.values),
                usedBy: [compiled])
        }
        #expect(reported == message)
    }

    @Test func reservedWordOutranksAnUndefinedName() {
        let reported = ExpressionTestSupport.message { () throws(DynamoDBError) in
            let compiled = try ExpressionTestSupport.compiler.update("SET #undefined = :v, status = :v")
            try validateExpressionAttributes(ExpressionAttributes(values: [":v": .s("s")]), usedBy: [compiled])
        }
        #expect(reported == "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status")
    }
}
