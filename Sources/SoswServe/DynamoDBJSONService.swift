import Foundation
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

    private typealias Operation = @Sendable (any DynamoDB, [UInt8]) async throws -> [UInt8]

    public let database: any DynamoDB

    public init(database: any DynamoDB) {
        self.database = database
    }

    /// The operations served, by `X-Amz-Target` suffix.
    public static var operationNames: [String] {
        operations.keys.sorted()
    }

    private static let operations: [String: Operation] = [
        "PutItem": operation { try await $0.putItem($1) },
        "GetItem": operation { try await $0.getItem($1) },
        "UpdateItem": operation { try await $0.updateItem($1) },
        "DeleteItem": operation { try await $0.deleteItem($1) },
        "Query": operation { try await $0.query($1) },
        "Scan": operation { try await $0.scan($1) },
        "BatchWriteItem": operation { try await $0.batchWriteItem($1) },
        "BatchGetItem": operation { try await $0.batchGetItem($1) },
        "TransactWriteItems": operation { try await $0.transactWriteItems($1) },
        "CreateTable": operation { try await $0.createTable($1) },
        "DescribeTable": operation { try await $0.describeTable($1) },
        "DeleteTable": operation { try await $0.deleteTable($1) },
    ]

    private static func operation<Input: Decodable & Sendable, Output: Encodable & Sendable>(
        _ call: @escaping @Sendable (any DynamoDB, Input) async throws -> Output
    ) -> Operation {
        { database, body in
            let input = try JSONDecoder().decode(Input.self, from: Data(body))
            return try encode(try await call(database, input))
        }
    }

    /// Answers one request. `target` is the `X-Amz-Target` header (nil when absent).
    public func handle(target: String?, body: [UInt8]) async -> DynamoDBJSONReply {
        let prefix = "DynamoDB_20120810."
        guard let target, target.hasPrefix(prefix),
            let operation = Self.operations[String(target.dropFirst(prefix.count))]
        else {
            return Self.frontEndError("UnknownOperationException", message: nil)
        }
        do {
            return DynamoDBJSONReply(status: 200, body: try await operation(database, body))
        } catch let error as DynamoDBError {
            return Self.reply(error)
        } catch let error as DecodingError {
            return Self.reply(decodingError: error)
        } catch {
            return Self.reply(DynamoDBError(code: .internalServerError, message: "Internal server error: \(error)"))
        }
    }

    /// A service error in DynamoDB's wire form and status.
    public static func reply(_ error: DynamoDBError) -> DynamoDBJSONReply {
        DynamoDBJSONReply(status: error.httpStatus, body: (try? encode(DynamoDBErrorBody(error))) ?? [])
    }

    /// A protocol-level error (`UnknownOperationException`, `SerializationException`, signature errors): status
    /// 400 under the front end's namespace, as DynamoDB answers them.
    public static func frontEndError(_ code: String, message: String?) -> DynamoDBJSONReply {
        let body = DynamoDBErrorBody(code: code, message: message, namespace: frontEndNamespace)
        return DynamoDBJSONReply(status: 400, body: (try? encode(body)) ?? [])
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

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
