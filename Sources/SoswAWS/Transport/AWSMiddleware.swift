/// One concern of every AWS call (signing, retrying, checking the response checksum) wrapped around the rest
/// of the pipeline: it may rewrite the request, call `next` any number of times, and inspect the response.
/// Keeping each concern in its own small type, composed in one place (``AWSPipeline``), is soto-core's
/// design: a new service reuses the chain and only adds its codec.
public protocol AWSMiddleware: Sendable {
    func handle(
        _ request: AWSHTTPRequest, next: @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse
    ) async throws -> AWSHTTPResponse
}
