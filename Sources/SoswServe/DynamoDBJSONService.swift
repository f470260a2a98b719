import SoswCore

/// DynamoDB's JSON 1.0 protocol in front of any ``DynamoDB``: picks the operation from `X-Amz-Target`,
/// decodes the body into the port's input type, calls the port, and encodes its output, or its error in the
/// service's wire form. No HTTP here, so the protocol is tested without a socket and any implementation of
/// the port (the in-memory fake, or even the live client) can be served.
public struct DynamoDBJSONService: Sendable {
    /// The namespace of errors raised by the service front end rather than by DynamoDB itself.
    public static let frontEndNamespace = "com.amazon.coral.service"
    /// DynamoDB's limit on a request body.
    public static let maxRequestBytes = 16 * 1024 * 1024

    public let database: any DynamoDB

    public init(database: any DynamoDB) {
        self.database = database
    }

    /// The operations served, by `X-Amz-Target` suffix.
    public static var operationNames: [String] {
        DynamoDBOperation.allCases.map(\.rawValue).sorted()
    }

    /// Answers one request. `target` is the `X-Amz-Target` header (nil when absent).
    public func handle(target: String?, body: [UInt8]) async -> DynamoDBJSONReply {
        guard let target, let operation = DynamoDBOperation(target: target) else {
            return Self.frontEndError("UnknownOperationException", message: nil)
        }
        if let syntaxError = StrictJSON.syntaxError(in: body) {
            return Self.frontEndError("SerializationException", message: syntaxError)
        }
        do {
            return DynamoDBJSONReply(status: 200, body: try await perform(operation, body: body))
        } catch let error as DynamoDBError {
            return Self.reply(error)
        } catch let error as DecodingError {
            return Self.reply(decodingError: error)
        } catch {
            return Self.reply(DynamoDBError(code: .internalServerError, message: "Internal server error: \(error)"))
        }
    }

    /// Decodes the input of `operation`, calls the port, encodes its output: one case per operation, so the
    /// compiler holds this list to ``DynamoDBOperation``'s.
    private func perform(_ operation: DynamoDBOperation, body: [UInt8]) async throws -> [UInt8] {
        let database = database
        switch operation {
        case .putItem: return try await Self.serve(body) { try await database.putItem($0) }
        case .getItem: return try await Self.serve(body) { try await database.getItem($0) }
        case .updateItem: return try await Self.serve(body) { try await database.updateItem($0) }
        case .deleteItem: return try await Self.serve(body) { try await database.deleteItem($0) }
        case .query: return try await Self.serve(body) { try await database.query($0) }
        case .scan: return try await Self.serve(body) { try await database.scan($0) }
        case .batchWriteItem: return try await Self.serve(body) { try await database.batchWriteItem($0) }
        case .batchGetItem: return try await Self.serve(body) { try await database.batchGetItem($0) }
        case .transactWriteItems: return try await Self.serve(body) { try await database.transactWriteItems($0) }
        case .transactGetItems: return try await Self.serve(body) { try await database.transactGetItems($0) }
        case .createTable: return try await Self.serve(body) { try await database.createTable($0) }
        case .describeTable: return try await Self.serve(body) { try await database.describeTable($0) }
        case .deleteTable: return try await Self.serve(body) { try await database.deleteTable($0) }
        case .listTables: return try await Self.serve(body) { try await database.listTables($0) }
        }
    }

    private static func serve<Input: Decodable, Output: Encodable>(
        _ body: [UInt8], _ call: (Input) async throws -> Output
    ) async throws -> [UInt8] {
        try AWSJSONCodec.encode(try await call(try AWSJSONCodec.decode(Input.self, from: body)))
    }

    /// A service error in DynamoDB's wire form and status; a SerializationException (a member of the wrong JSON
    /// type) under the front end's namespace, where DynamoDB reports it.
    public static func reply(_ error: DynamoDBError) -> DynamoDBJSONReply {
        if error.code == .serialization { return frontEndError(error.code.rawValue, message: error.message) }
        return DynamoDBJSONReply(status: error.httpStatus, body: (try? AWSJSONCodec.encode(DynamoDBErrorBody(error))) ?? [])
    }

    /// A protocol-level error (`UnknownOperationException`, `SerializationException`, signature errors): status
    /// 400 under the front end's namespace, as DynamoDB answers them.
    public static func frontEndError(_ code: String, message: String?) -> DynamoDBJSONReply {
        let body = DynamoDBErrorBody(code: code, message: message, namespace: frontEndNamespace)
        return DynamoDBJSONReply(status: 400, body: (try? AWSJSONCodec.encode(body)) ?? [])
    }

    /// A missing required member is DynamoDB's ValidationException with its "must not be null" message;
    /// anything else that does not fit the input shape (wrong JSON type, not JSON) is a SerializationException.
    private static func reply(decodingError error: DecodingError) -> DynamoDBJSONReply {
        switch error {
        case .keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map { lowerFirst($0.stringValue) }.joined(separator: ".")
            return reply(.validation(
                "1 validation error detected: Value null at '\(path)' failed to satisfy constraint: "
                    + "Member must not be null"))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            let location = path.isEmpty ? "" : " at '\(path)'"
            return frontEndError("SerializationException", message: "\(context.debugDescription)\(location)")
        @unknown default:
            return frontEndError("SerializationException", message: "\(error)")
        }
    }

    private static func lowerFirst(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
