/// An error as DynamoDB reports it: the service's error code (the text after `#` in the JSON `__type`) and its
/// message, so code written against the fake handles exactly what it will meet in production.
public struct DynamoDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error codes of the DynamoDB API. Raw values are the names the service puts in `__type`.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case validation = "ValidationException"
        case conditionalCheckFailed = "ConditionalCheckFailedException"
        case transactionCanceled = "TransactionCanceledException"
        case transactionConflict = "TransactionConflictException"
        case transactionInProgress = "TransactionInProgressException"
        case idempotentParameterMismatch = "IdempotentParameterMismatchException"
        case resourceNotFound = "ResourceNotFoundException"
        case resourceInUse = "ResourceInUseException"
        case provisionedThroughputExceeded = "ProvisionedThroughputExceededException"
        case throttling = "ThrottlingException"
        case itemCollectionSizeLimitExceeded = "ItemCollectionSizeLimitExceededException"
        case requestLimitExceeded = "RequestLimitExceeded"
        case limitExceeded = "LimitExceededException"
        case internalServerError = "InternalServerError"
        case serialization = "SerializationException"
        case unrecognizedClient = "UnrecognizedClientException"
        case accessDenied = "AccessDeniedException"
    }

    /// Why one action of a cancelled transaction failed, in the order of the request's actions. `code` is
    /// `"None"` for the actions that would have succeeded.
    public struct CancellationReason: Sendable, Equatable, Codable {
        public var code: String
        public var message: String?
        /// The item as it was, when the action asked for `ReturnValuesOnConditionCheckFailure=ALL_OLD`.
        public var item: DynamoItem?

        public init(code: String, message: String? = nil, item: DynamoItem? = nil) {
            self.code = code
            self.message = message
            self.item = item
        }

        /// The reason of an action that passed its checks.
        public static let none = CancellationReason(code: "None")

        enum CodingKeys: String, CodingKey {
            case code = "Code"
            case message = "Message"
            case item = "Item"
        }
    }

    public var code: Code
    public var message: String
    /// The item as it was before a failed conditional write, when the request asked for
    /// `ReturnValuesOnConditionCheckFailure=ALL_OLD` and the item existed.
    public var item: DynamoItem?
    /// One reason per action of a cancelled transaction.
    public var cancellationReasons: [CancellationReason]?

    public init(
        code: Code, message: String, item: DynamoItem? = nil, cancellationReasons: [CancellationReason]? = nil
    ) {
        self.code = code
        self.message = message
        self.item = item
        self.cancellationReasons = cancellationReasons
    }

    /// Whether a client should retry the same request after a backoff (throttling and server errors).
    public var isRetryable: Bool {
        switch code {
        case .provisionedThroughputExceeded, .throttling, .requestLimitExceeded, .internalServerError,
            .transactionConflict, .limitExceeded:
            true
        default:
            false
        }
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// A malformed or unsupported request.
    public static func validation(_ message: String) -> DynamoDBError {
        DynamoDBError(code: .validation, message: message)
    }

    /// A request naming a table or index that does not exist.
    public static func resourceNotFound(_ message: String) -> DynamoDBError {
        DynamoDBError(code: .resourceNotFound, message: message)
    }

    /// A ConditionExpression evaluated to false; `item` is the old item when ALL_OLD was asked for.
    public static func conditionalCheckFailed(item: DynamoItem? = nil) -> DynamoDBError {
        DynamoDBError(code: .conditionalCheckFailed, message: "The conditional request failed", item: item)
    }
}
