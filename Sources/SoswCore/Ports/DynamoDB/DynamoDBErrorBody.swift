/// The wire form of a DynamoDB error: the JSON body of a 400 or 500 response,
/// `{"__type": "com.amazonaws.dynamodb.v20120810#Code", "message": …, "Item": …, "CancellationReasons": …}`.
///
/// Codec, not networking, so it lives beside ``DynamoDBError``: the live client decodes it into the same
/// error values the fake throws, and `sosw serve` encodes the fake's errors with it. The code is kept as text
/// because servers also answer codes the port does not model (`UnknownOperationException`,
/// `InvalidSignatureException`).
public struct DynamoDBErrorBody: Sendable, Equatable, Codable {
    /// What DynamoDB puts before `#` in `__type`.
    public static let typeNamespace = "com.amazonaws.dynamodb.v20120810"

    /// The full `__type`, namespace included when the server sent one.
    public var type: String
    public var message: String?
    /// The item as it was, on a ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure=ALL_OLD.
    public var item: DynamoItem?
    /// One reason per action, on a TransactionCanceledException.
    public var cancellationReasons: [DynamoDBError.CancellationReason]?

    /// - Parameter namespace: `com.amazonaws.dynamodb.v20120810` for the service's own errors; the front end
    ///   answers protocol errors (UnknownOperationException, SerializationException, signature errors) under
    ///   `com.amazon.coral.service`.
    public init(
        code: String, message: String?, item: DynamoItem? = nil,
        cancellationReasons: [DynamoDBError.CancellationReason]? = nil, namespace: String = typeNamespace
    ) {
        self.type = "\(namespace)#\(code)"
        self.message = message
        self.item = item
        self.cancellationReasons = cancellationReasons
    }

    public init(_ error: DynamoDBError) {
        self.init(
            code: error.code.rawValue, message: error.message, item: error.item,
            cancellationReasons: error.cancellationReasons)
    }

    /// The error code: the text after `#`, as every SDK reads it.
    public var code: String {
        type.split(separator: "#", omittingEmptySubsequences: false).last.map(String.init) ?? type
    }

    /// The port's error for this body; nil when the code is not one the port models.
    public var error: DynamoDBError? {
        DynamoDBError.Code(rawValue: code).map {
            DynamoDBError(code: $0, message: message ?? "", item: item, cancellationReasons: cancellationReasons)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type = "__type"
        case message
        case capitalizedMessage = "Message"
        case item = "Item"
        case cancellationReasons = "CancellationReasons"
    }

    /// DynamoDB spells the message `message` on most errors and `Message` on some (TransactionCanceledException);
    /// both are read, `message` is written.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        message = try container.decodeIfPresent(String.self, forKey: .message)
            ?? container.decodeIfPresent(String.self, forKey: .capitalizedMessage)
        item = try container.decodeIfPresent(DynamoItem.self, forKey: .item)
        cancellationReasons = try container.decodeIfPresent(
            [DynamoDBError.CancellationReason].self, forKey: .cancellationReasons)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(item, forKey: .item)
        try container.encodeIfPresent(cancellationReasons, forKey: .cancellationReasons)
    }
}

extension DynamoDBError {
    /// The HTTP status the service answers this error with: 500 for its own failures, 400 for everything the
    /// client caused or must back off from (throttling included).
    public var httpStatus: Int {
        code == .internalServerError ? 500 : 400
    }
}
