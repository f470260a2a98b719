import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The production ``HTTPTransport``: AsyncHTTPClient, with connection pooling and HTTP/1.1 keep-alive. Reads
/// the whole response body (up to ``maxResponseBytes``) because AWS JSON responses are decoded whole.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// DynamoDB responses stay under 16 MB (a BatchGetItem is at most 16 MB of items).
    public static let defaultMaxResponseBytes = 32 * 1024 * 1024

    public let client: HTTPClient
    public let timeout: Duration
    public let maxResponseBytes: Int

    /// - Parameters:
    ///   - client: owned by the caller, who shuts it down (or `HTTPClient.shared`, which needs no shutdown).
    ///   - timeout: the deadline of one attempt, connect to last byte.
    public init(
        client: HTTPClient = .shared, timeout: Duration = .seconds(30),
        maxResponseBytes: Int = AsyncHTTPClientTransport.defaultMaxResponseBytes
    ) {
        self.client = client
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    public func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        let url = request.url
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(timeout.nanoseconds))
            let body = try await response.body.collect(upTo: maxResponseBytes)
            return AWSHTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { SigV4Request.Header($0.name, $0.value) },
                body: Array(body.readableBytesView))
        } catch is CancellationError {
            throw CancellationError()
        } catch is NIOTooManyBytesError {
            throw HTTPTransportError(
                .responseTooLarge, "\(request.method) \(url): the response is larger than \(maxResponseBytes) bytes")
        } catch let error as HTTPClientError {
            throw Self.transportError(error, method: request.method, url: url)
        } catch {
            throw HTTPTransportError(.connection, "\(request.method) \(url): \(error)")
        }
    }

    private static let timeouts: [HTTPClientError] = [
        .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout,
    ]
    private static let invalidRequests: [HTTPClientError] = [
        .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath, .bodyLengthMismatch, .alreadyShutdown,
    ]

    private static func transportError(_ error: HTTPClientError, method: String, url: String) -> HTTPTransportError {
        let detail = "\(method) \(url): \(error)"
        if error == .cancelled { return HTTPTransportError(.connection, detail) }
        if timeouts.contains(error) { return HTTPTransportError(.timeout, detail) }
        if invalidRequests.contains(error) { return HTTPTransportError(.invalidRequest, detail) }
        return HTTPTransportError(.connection, detail)
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
