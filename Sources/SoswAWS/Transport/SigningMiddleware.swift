import SoswCore

/// Signs each request with SigV4 as of the moment it is sent. It sits inside the retry middleware so a retried
/// request carries a fresh `X-Amz-Date` (a signature is valid for 15 minutes, and backoff can be long), and
/// it asks the provider for credentials every time so renewed temporary credentials are picked up. Requests
/// marked ``AWSHTTPRequest/isUnsigned`` go on unsigned.
public struct SigningMiddleware: AWSMiddleware {
    public let credentials: any AWSCredentialsProvider
    public let region: String
    public let service: String
    public let wallClock: any WallClock
    public let options: SigV4Options

    public init(
        credentials: any AWSCredentialsProvider, region: String, service: String, wallClock: any WallClock,
        options: SigV4Options = SigV4Options()
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.wallClock = wallClock
        self.options = options
    }

    public func handle(
        _ request: AWSHTTPRequest, next: @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse
    ) async throws -> AWSHTTPResponse {
        if request.isUnsigned { return try await next(request) }
        let signer = SigV4Signer(
            credentials: try await credentials.credentials(), region: region, service: service, options: options)
        let unsigned = request.sigV4Request
        let signed = try signer.sign(unsigned, at: wallClock.currentTime()).apply(to: unsigned)
        var outgoing = request
        outgoing.headers = signed.headers
        return try await next(outgoing)
    }
}
