import SoswCore

/// Validates one request's ExpressionAttributeNames and ExpressionAttributeValues against all the expressions
/// it carries, in DynamoDB's order and words: malformed maps first, then each expression's own problems
/// (update, condition, key condition, filter, projection — whatever order they are passed in), then placeholders
/// supplied but never used. Call it once per request before evaluating anything.
func validateExpressionAttributes(
    _ attributes: ExpressionAttributes, usedBy expressions: [any CompiledExpression]
) throws(DynamoDBError) {
    if let names = attributes.names {
        if expressions.isEmpty {
            throw .validation("ExpressionAttributeNames can only be specified when using expressions")
        }
        if names.isEmpty { throw .validation("ExpressionAttributeNames must not be empty") }
        if let invalid = names.keys.sorted().first(where: { !isPlaceholder($0, sigil: "#") }) {
            throw .validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"\(invalid)\"")
        }
        if let empty = names.keys.sorted().first(where: { names[$0]?.isEmpty == true }) {
            throw .validation("ExpressionAttributeNames contains invalid value: Empty attribute name for key \(empty)")
        }
    }
    if let values = attributes.values {
        if values.isEmpty { throw .validation("ExpressionAttributeValues must not be empty") }
        if let invalid = values.keys.sorted().first(where: { !isPlaceholder($0, sigil: ":") }) {
            throw .validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"\(invalid)\"")
        }
    }

    var usedNames: Set<String> = []
    var usedValues: Set<String> = []
    for expression in expressions.sorted(by: { $0.kind < $1.kind }) {
        try expression.check(attributes)
        usedNames.formUnion(expression.usage.names)
        usedValues.formUnion(expression.usage.values)
    }

    let unusedNames = (attributes.names?.keys).map { Set($0).subtracting(usedNames) } ?? []
    if !unusedNames.isEmpty {
        throw .validation(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unusedNames.sorted().joined(separator: ", "))}")
    }
    let unusedValues = (attributes.values?.keys).map { Set($0).subtracting(usedValues) } ?? []
    if !unusedValues.isEmpty {
        throw .validation(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unusedValues.sorted().joined(separator: ", "))}")
    }
}

/// `#name` / `:value`: the sigil followed by one or more letters, digits or underscores.
private func isPlaceholder(_ key: String, sigil: Character) -> Bool {
    guard key.first == sigil, key.count > 1 else { return false }
    return key.utf8.dropFirst().allSatisfy { byte in
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
