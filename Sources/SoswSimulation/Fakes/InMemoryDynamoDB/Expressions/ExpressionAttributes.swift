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
}
