import SoswCore

/// The ExpressionAttributeNames and ExpressionAttributeValues one request supplies. Compiled expressions are
/// shared between requests and bind these at evaluation, so compiling never depends on a request.
struct ExpressionAttributes: Sendable, Equatable {
    var names: [String: String]?
    var values: DynamoItem?

    init(names: [String: String]? = nil, values: DynamoItem? = nil) {
        self.names = names
        self.values = values
    }

    /// The value a `:placeholder` stands for; nil when the request does not supply it. A request supplies a
    /// handful of values, and every evaluation looks each one up: comparing a few short names costs less than
    /// hashing the one sought, so small sets of values are searched in turn.
    func value(of placeholder: String) -> AttributeValue? {
        guard let values else { return nil }
        guard values.count <= Self.valuesSearchedInTurn else { return values[placeholder] }
        for (name, value) in values where name == placeholder { return value }
        return nil
    }

    private static var valuesSearchedInTurn: Int { 4 }
}
