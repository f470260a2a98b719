import Logging
import SoswCore

/// The four calls of Lambda's Runtime API a custom runtime makes: wait for the next invocation, answer it with a
/// response or an error, and report a failed initialisation. Plain HTTP/1.1 to a local address: no signing and
/// no retries, because a failed call means the execution environment is broken.
///
/// The transport must not time out: `/next` blocks until an invocation arrives, which may be hours. (An
/// ``AsyncHTTPClientTransport`` over `HTTPClient.shared` would not do: its 90-second read timeout ends the wait.)
public struct LambdaRuntimeAPIClient: Sendable {
    /// How Lambda took a response.
    public enum ResponseDelivery: Sendable, Equatable {
        case accepted
        /// 413: the response exceeds Lambda's payload limit. The invocation still needs an answer; `problem`
        /// says what the Runtime API replied.
        case tooLarge(problem: String)
    }

    public let environment: LambdaRuntimeEnvironment
    public let transport: any HTTPTransport
    /// Handed on, with the request id as metadata, to each invocation's context.
    public let logger: Logger

    public init(environment: LambdaRuntimeEnvironment, transport: any HTTPTransport, logger: Logger) {
        self.environment = environment
        self.transport = transport
        self.logger = logger
    }

    /// `GET /runtime/invocation/next`: waits, without a deadline, for the next invocation.
    public func nextInvocation() async throws(LambdaRuntimeError) -> LambdaInvocation {
        let response = try await send("GET", "/runtime/invocation/next")
        guard response.isSuccess else {
            throw .runtimeAPIFailed(call: "GET /runtime/invocation/next", problem: Self.statusProblem(response))
        }
        return LambdaInvocation(event: response.body, context: try context(from: response))
    }

    /// `POST /runtime/invocation/{id}/response`: 202 when taken, 413 when too large; anything else is a failure.
    public func postResponse(_ body: [UInt8], requestID: String) async throws(LambdaRuntimeError) -> ResponseDelivery {
        let path = "/runtime/invocation/\(SigV4PercentEncoding.encode(requestID))/response"
        let response = try await send("POST", path, body: body)
        if response.status == 413 {
            return .tooLarge(problem: "the response of \(body.count) bytes exceeds Lambda's payload limit; "
                + Self.statusProblem(response))
        }
        guard response.isSuccess else { throw .runtimeAPIFailed(call: "POST \(path)", problem: Self.statusProblem(response)) }
        return .accepted
    }

    /// `POST /runtime/invocation/{id}/error`: the invocation failed; Lambda passes `document` to the invoker.
    public func postError(_ document: LambdaErrorDocument, requestID: String) async throws(LambdaRuntimeError) {
        try await postErrorDocument(document, path: "/runtime/invocation/\(SigV4PercentEncoding.encode(requestID))/error")
    }

    /// `POST /runtime/init/error`: the runtime could not initialise; Lambda reports `document` as the init error.
    public func postInitError(_ document: LambdaErrorDocument) async throws(LambdaRuntimeError) {
        try await postErrorDocument(document, path: "/runtime/init/error")
    }

    private func postErrorDocument(_ document: LambdaErrorDocument, path: String) async throws(LambdaRuntimeError) {
        let body: [UInt8]
        do {
            body = try document.encoded()
        } catch {
            throw .runtimeAPIFailed(call: "POST \(path)", problem: "the error document cannot be encoded as JSON: \(error)")
        }
        let headers = [
            SigV4Request.Header("Content-Type", "application/json"),
            SigV4Request.Header("Lambda-Runtime-Function-Error-Type", document.errorType),
        ]
        let response = try await send("POST", path, headers: headers, body: body)
        guard response.isSuccess else { throw .runtimeAPIFailed(call: "POST \(path)", problem: Self.statusProblem(response)) }
    }

    private func send(
        _ method: String, _ path: String, headers: [SigV4Request.Header] = [], body: [UInt8] = []
    ) async throws(LambdaRuntimeError) -> AWSHTTPResponse {
        let request = AWSHTTPRequest(
            method: method, endpoint: environment.runtimeAPI, path: path, headers: headers, body: body)
        do {
            return try await transport.send(request)
        } catch is CancellationError {
            throw .runtimeAPIFailed(call: "\(method) \(path)", problem: "the task was cancelled")
        } catch {
            throw .runtimeAPIFailed(call: "\(method) \(path)", problem: "\(error)")
        }
    }

    /// The invocation's context from `/next`'s headers. The request id, deadline and ARN are required: Lambda
    /// always sends them, and without them the invocation cannot be run as Lambda means it.
    private func context(from response: AWSHTTPResponse) throws(LambdaRuntimeError) -> LambdaInvocationContext {
        guard let requestID = response.header("Lambda-Runtime-Aws-Request-Id"), !requestID.isEmpty else {
            throw .invalidInvocation(requestID: nil, problem: "the Lambda-Runtime-Aws-Request-Id header is missing")
        }
        let deadlineText = response.header("Lambda-Runtime-Deadline-Ms")
        guard let deadlineText, let deadline = Self.unixTime(epochMilliseconds: deadlineText) else {
            throw .invalidInvocation(
                requestID: requestID,
                problem: "Lambda-Runtime-Deadline-Ms is \(deadlineText.map { "'\($0)'" } ?? "missing"); "
                    + "expected milliseconds since the Unix epoch")
        }
        guard let functionARN = response.header("Lambda-Runtime-Invoked-Function-Arn"), !functionARN.isEmpty else {
            throw .invalidInvocation(
                requestID: requestID, problem: "the Lambda-Runtime-Invoked-Function-Arn header is missing")
        }
        var invocationLogger = logger
        invocationLogger[metadataKey: "aws-request-id"] = "\(requestID)"
        return LambdaInvocationContext(
            requestID: requestID, deadline: deadline, invokedFunctionARN: functionARN,
            traceID: response.header("Lambda-Runtime-Trace-Id"),
            clientContext: response.header("Lambda-Runtime-Client-Context"),
            cognitoIdentity: response.header("Lambda-Runtime-Cognito-Identity"),
            tenantID: response.header("Lambda-Runtime-Aws-Tenant-Id"),
            function: environment, logger: invocationLogger)
    }

    private static func unixTime(epochMilliseconds text: String) -> UnixTime? {
        guard let milliseconds = Int64(text), milliseconds >= 0 else { return nil }
        let (nanoseconds, overflow) = milliseconds.multipliedReportingOverflow(by: 1_000_000)
        return overflow ? nil : UnixTime(nanoseconds: nanoseconds)
    }

    /// The status and the start of the body, which is where the Runtime API explains itself.
    private static func statusProblem(_ response: AWSHTTPResponse) -> String {
        let body = String(decoding: response.body.prefix(500), as: UTF8.self)
        return "HTTP \(response.status)" + (body.isEmpty ? "" : ": \(body)")
    }
}
