import SoswCore

/// A live client of one service, built on an ``AWSClient``: it names its service and maps the error codes its
/// port models, and gets its two ways of being made from here, so every client is made alike.
public protocol AWSServiceClient: Sendable {
    static var service: AWSService { get }

    /// The core the client sends through; also there for the service's calls the client does not wrap.
    var client: AWSClient { get }

    /// The port's error for an error response whose code the port models; nil lets the caller see an
    /// ``AWSServiceError``. Services without a port keep the default, which models none.
    static func portError(_ error: AWSErrorResponse) -> (any Error)?

    init(client: AWSClient)
}

extension AWSServiceClient {
    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        nil
    }

    /// A client sending to `endpoint` through `transport`: a pipeline from
    /// ``AWSPipeline/standard(transport:credentials:region:service:wallClock:clock:random:retry:quota:)`` (in a
    /// simulation, on its clocks), or a scripted transport in tests.
    public init(endpoint: AWSEndpoint, transport: any HTTPTransport) {
        self.init(
            client: AWSClient(
                service: Self.service, endpoint: endpoint, transport: transport,
                portError: { Self.portError($0) }))
    }

    /// The client production uses. The region is `region` when given (the live configuration resolves it from
    /// the environment and the shared files), else `AWS_REGION` or `AWS_DEFAULT_REGION`; the endpoint comes from
    /// the environment as the AWS SDKs read it (`AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, else the
    /// public endpoint of the region). See ``live(endpoint:region:credentials:transport:retry:)`` for the rest.
    public static func fromEnvironment(
        _ environment: [String: String], region: String? = nil, credentials: any AWSCredentialsProvider,
        transport: any HTTPTransport = AsyncHTTPClientTransport(), retry: RetryStrategy = RetryStrategy()
    ) throws(AWSConfigurationError) -> Self {
        let signingRegion: String
        if let region {
            signingRegion = region
        } else {
            signingRegion = try AWSRegion.fromEnvironment(environment)
        }
        let endpoint = try AWSEndpoint.resolve(
            serviceID: service.serviceID, endpointPrefix: service.signingName, region: signingRegion,
            environment: environment)
        return live(
            endpoint: endpoint, region: signingRegion, credentials: credentials, transport: transport, retry: retry)
    }

    /// A production client of a known endpoint: requests signed for `region` with credentials from
    /// `credentials` (asked again for every request, so a provider that renews them is followed) at the system
    /// clock's time, and retried in the standard mode on the continuous clock, with a retry quota of the
    /// client's own; the response checksum is checked where the service sends one.
    public static func live(
        endpoint: AWSEndpoint, region: String, credentials: any AWSCredentialsProvider,
        transport: any HTTPTransport = AsyncHTTPClientTransport(), retry: RetryStrategy = RetryStrategy()
    ) -> Self {
        let pipeline = AWSPipeline.standard(
            transport: transport, credentials: credentials, region: region, service: service.signingName,
            wallClock: SystemWallClock(), clock: ContinuousClock(), random: SystemRandomSource(), retry: retry,
            checksResponseCRC32: service.checksResponseCRC32)
        return Self(endpoint: endpoint, transport: pipeline)
    }
}
