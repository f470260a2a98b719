/// Sends one request and returns the response, whatever its status: the seam between the AWS clients and the
/// network. The live implementation is ``AsyncHTTPClientTransport``; tests put a scripted transport here and
/// drive the middlewares on virtual time. Middleware pipelines are transports too, so they nest.
public protocol HTTPTransport: Sendable {
    /// Throws ``HTTPTransportError`` when no response arrived (or it was unusable), never for an error status.
    func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse
}
