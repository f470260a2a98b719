import SoswCore

/// Middlewares around a transport, outermost first; itself an ``HTTPTransport``.
public struct AWSPipeline: HTTPTransport {
    public let middlewares: [any AWSMiddleware]
    public let transport: any HTTPTransport

    public init(_ middlewares: [any AWSMiddleware], transport: any HTTPTransport) {
        self.middlewares = middlewares
        self.transport = transport
    }

    public func send(_ request: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        try await send(request, from: 0)
    }

    private func send(_ request: AWSHTTPRequest, from index: Int) async throws -> AWSHTTPResponse {
        guard index < middlewares.count else { return try await transport.send(request) }
        return try await middlewares[index].handle(request) { request in
            try await self.send(request, from: index + 1)
        }
    }

    /// The chain every AWS call goes through, in the order that makes each layer correct: retry outermost
    /// (each attempt is signed afresh, with the time of that attempt, and a damaged response counts as a
    /// transient failure), then signing, then the response checksum check, then the network.
    ///
    /// - Parameters:
    ///   - service: the SigV4 signing name (`dynamodb`).
    ///   - wallClock: the signing time.
    ///   - clock, random: what retry backoff sleeps on and draws its jitter from.
    ///   - checksResponseCRC32: whether responses' `x-amz-crc32` is checked; DynamoDB's promise, which the
    ///     SDKs check for it alone (see ``AWSService/checksResponseCRC32``).
    public static func standard(
        transport: any HTTPTransport, credentials: any AWSCredentialsProvider, region: String, service: String,
        wallClock: any WallClock, clock: any Clock<Duration>, random: any RandomSource,
        retry: RetryStrategy = RetryStrategy(), quota: RetryQuota = RetryQuota(), checksResponseCRC32: Bool = true
    ) -> AWSPipeline {
        let retrying: [any AWSMiddleware] = [
            RetryMiddleware(strategy: retry, quota: quota, clock: clock, random: random),
            SigningMiddleware(credentials: credentials, region: region, service: service, wallClock: wallClock),
        ]
        return AWSPipeline(retrying + (checksResponseCRC32 ? [CRC32CheckMiddleware()] : []), transport: transport)
    }
}
