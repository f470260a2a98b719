import Foundation

/// An `Invoke` request. `Payload` is the function's event: JSON bytes (base64 in the JSON form of the shape,
/// as the AWS JSON protocols write blobs).
public struct InvokeInput: Sendable, Equatable, Codable {
    /// A name, a partial ARN (`123456789012:function:name`) or a full ARN, optionally with `:qualifier`.
    public var functionName: String
    /// `RequestResponse` when absent, as the service defaults.
    public var invocationType: InvocationType?
    public var logType: LogType?
    /// Base64-encoded JSON handed to the function as its context's client context (at most 3,583 bytes).
    public var clientContext: String?
    public var payload: [UInt8]?
    /// A version or alias.
    public var qualifier: String?

    public init(
        functionName: String,
        invocationType: InvocationType? = nil,
        logType: LogType? = nil,
        clientContext: String? = nil,
        payload: [UInt8]? = nil,
        qualifier: String? = nil
    ) {
        self.functionName = functionName
        self.invocationType = invocationType
        self.logType = logType
        self.clientContext = clientContext
        self.payload = payload
        self.qualifier = qualifier
    }

    /// A request whose payload is `json`, serialised deterministically (sorted keys), as sosw sends events.
    public init(functionName: String, invocationType: InvocationType, json: JSONValue, qualifier: String? = nil) {
        self.init(
            functionName: functionName, invocationType: invocationType, payload: Array(json.serialized().utf8),
            qualifier: qualifier)
    }

    /// The invocation type the service applies: `RequestResponse` when none was given.
    public var effectiveInvocationType: InvocationType {
        invocationType ?? .requestResponse
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName"
        case invocationType = "InvocationType"
        case logType = "LogType"
        case clientContext = "ClientContext"
        case payload = "Payload"
        case qualifier = "Qualifier"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        functionName = try container.decode(String.self, forKey: .functionName)
        invocationType = try container.decodeIfPresent(InvocationType.self, forKey: .invocationType)
        logType = try container.decodeIfPresent(LogType.self, forKey: .logType)
        clientContext = try container.decodeIfPresent(String.self, forKey: .clientContext)
        payload = try container.decodeBase64IfPresent(forKey: .payload)
        qualifier = try container.decodeIfPresent(String.self, forKey: .qualifier)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(functionName, forKey: .functionName)
        try container.encodeIfPresent(invocationType, forKey: .invocationType)
        try container.encodeIfPresent(logType, forKey: .logType)
        try container.encodeIfPresent(clientContext, forKey: .clientContext)
        try container.encodeIfPresent(payload.map { Data($0).base64EncodedString() }, forKey: .payload)
        try container.encodeIfPresent(qualifier, forKey: .qualifier)
    }
}

/// An `Invoke` response: the HTTP status (200 sync, 202 event, 204 dry run), whether the function failed,
/// and its response payload (sync only).
public struct InvokeOutput: Sendable, Equatable, Codable {
    public var statusCode: Int
    /// `Unhandled` (or `Handled`) when the function raised or timed out; the status is still 200 and the
    /// payload holds the error document (`errorMessage`, `errorType`).
    public var functionError: String?
    /// The base64-encoded tail of the log, when `LogType` was `Tail`.
    public var logResult: String?
    public var payload: [UInt8]?
    public var executedVersion: String?

    public init(
        statusCode: Int, functionError: String? = nil, logResult: String? = nil, payload: [UInt8]? = nil,
        executedVersion: String? = nil
    ) {
        self.statusCode = statusCode
        self.functionError = functionError
        self.logResult = logResult
        self.payload = payload
        self.executedVersion = executedVersion
    }

    /// The payload parsed as JSON; nil when there is none.
    public func payloadJSON() throws -> JSONValue? {
        guard let payload, !payload.isEmpty else { return nil }
        return try JSONValue(parsing: String(decoding: payload, as: UTF8.self))
    }

    enum CodingKeys: String, CodingKey {
        case statusCode = "StatusCode"
        case functionError = "FunctionError"
        case logResult = "LogResult"
        case payload = "Payload"
        case executedVersion = "ExecutedVersion"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        statusCode = try container.decode(Int.self, forKey: .statusCode)
        functionError = try container.decodeIfPresent(String.self, forKey: .functionError)
        logResult = try container.decodeIfPresent(String.self, forKey: .logResult)
        payload = try container.decodeBase64IfPresent(forKey: .payload)
        executedVersion = try container.decodeIfPresent(String.self, forKey: .executedVersion)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encodeIfPresent(functionError, forKey: .functionError)
        try container.encodeIfPresent(logResult, forKey: .logResult)
        try container.encodeIfPresent(payload.map { Data($0).base64EncodedString() }, forKey: .payload)
        try container.encodeIfPresent(executedVersion, forKey: .executedVersion)
    }
}

extension KeyedDecodingContainer {
    /// A blob member: base64 text in the AWS JSON protocols.
    func decodeBase64IfPresent(forKey key: Key) throws -> [UInt8]? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected base64 text for the blob '\(key.stringValue)'")
        }
        return Array(data)
    }
}
