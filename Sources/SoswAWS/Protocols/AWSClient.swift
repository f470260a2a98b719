import SoswCore

/// The core every live client is built on. It sends an operation's request through the transport (normally
/// the standard pipeline: retry, signing, checksum), and turns an error response into the port's error when
/// the client's ``portError`` knows the code, or else into an ``AWSServiceError`` that says who answered what.
///
/// The protocol-specific halves are extensions: ``jsonCall(_:_:)`` for awsJson1_0/1_1,
/// ``restRequest(_:path:query:headers:body:)`` for restJson1, ``queryCall(_:_:)`` for awsQuery.
public struct AWSClient: Sendable {
    /// The port's error for an error response, or nil when the port does not model its code.
    public typealias PortErrorMapping = @Sendable (AWSErrorResponse) -> (any Error)?

    public let service: AWSService
    public let endpoint: AWSEndpoint
    public let transport: any HTTPTransport
    public let portError: PortErrorMapping

    public init(
        service: AWSService, endpoint: AWSEndpoint, transport: any HTTPTransport,
        portError: @escaping PortErrorMapping = { _ in nil }
    ) {
        self.service = service
        self.endpoint = endpoint
        self.transport = transport
        self.portError = portError
    }

    /// Sends `request` and returns its response when the status is 2xx; throws the error it carries otherwise.
    /// `operation` names the call in errors. Runs on the caller's executor, as every call of the core does: the
    /// DynamoDB port's callers make many calls, and a hop to the generic executor around each costs a task switch.
    public nonisolated(nonsending) func send(_ request: AWSHTTPRequest, operation: String) async throws -> AWSHTTPResponse {
        let response = try await transport.send(request)
        guard response.isSuccess else { throw error(from: response, operation: operation) }
        return response
    }

    /// The error an error response stands for: the port's, else an ``AWSServiceError``.
    public func error(from response: AWSHTTPResponse, operation: String) -> any Error {
        let error = AWSErrorResponse(response)
        if error.code != nil, let portError = portError(error) { return portError }
        let message =
            error.code == nil
            ? "the error response carries no error code in any AWS protocol's form: \(Self.excerpt(response.body))"
            : error.message ?? ""
        return AWSServiceError(
            service: service.serviceID, operation: operation, status: response.status, code: error.code,
            message: message, requestID: error.requestID)
    }

    /// A JSON response body as `Output`; an empty body reads as `{}` (operations without output answer so).
    public func decodeJSON<Output: Decodable>(
        _ type: Output.Type, from response: AWSHTTPResponse, operation: String
    ) throws -> Output {
        do {
            return try AWSJSONCodec.decode(type, from: response.body.isEmpty ? Array("{}".utf8) : response.body)
        } catch {
            throw malformedResponse(response, operation: operation, problem: "it is not a valid \(Output.self): \(error)")
        }
    }

    /// A 2xx response the client cannot read: the service answered something other than the API's shape
    /// (often a misrouted endpoint).
    func malformedResponse(_ response: AWSHTTPResponse, operation: String, problem: String) -> AWSServiceError {
        AWSServiceError(
            service: service.serviceID, operation: operation, status: response.status, code: nil,
            message: "the response body cannot be read: \(problem); body: \(Self.excerpt(response.body))",
            requestID: response.header("x-amzn-RequestId"))
    }

    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return body.count > 300 ? text + "…" : text
    }
}
