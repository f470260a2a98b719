import Logging
import SoswCore

/// The AWS side of a live run: region and credentials found as the AWS SDKs find them, and one client per
/// service the essentials call, each sending to its endpoint from the environment (`AWS_ENDPOINT_URL_<SERVICE>`,
/// `AWS_ENDPOINT_URL`, else the region's public endpoint).
///
/// Everything that can be checked without a request is checked here (the shared files, `AWS_PROFILE`, the
/// region, every endpoint variable), so a misconfigured command stops before it touches a table.
public struct LiveAWS: Sendable {
    public let configuration: AWSConfiguration
    public let dynamoDB: DynamoDBClient
    public let lambda: LambdaClient
    public let cloudWatch: CloudWatchClient
    public let ssm: SSMClient
    /// Who the credentials are (`sosw config upload` fills the placeholder account of sosw's examples with it).
    public let sts: STSClient
    private let snsClients: @Sendable (_ region: String) -> SNSClient

    /// - Parameters:
    ///   - environment: the process environment.
    ///   - home: the directory `~` stands for; `HOME` from `environment` when nil.
    ///   - transport: what every request goes through (one connection pool for all the clients).
    public static func fromEnvironment(
        _ environment: [String: String], home: String? = nil,
        transport: any HTTPTransport = AsyncHTTPClientTransport(client: LiveHTTPClient.shared)
    ) throws(AWSConfigurationError) -> LiveAWS {
        let configuration = try AWSConfiguration.resolve(
            environment: environment, home: home ?? environment["HOME"] ?? "/root",
            makeSTS: try STSClient.factory(environment: environment, transport: transport), transport: transport,
            clock: ContinuousClock(), wallClock: SystemWallClock())
        let region = configuration.region
        let credentials = configuration.credentials
        func client<Client: AWSServiceClient>(_: Client.Type, region: String) throws(AWSConfigurationError) -> Client {
            try Client.fromEnvironment(environment, region: region, credentials: credentials, transport: transport)
        }
        let homeSNS = try client(SNSClient.self, region: region)
        return LiveAWS(
            configuration: configuration, dynamoDB: try client(DynamoDBClient.self, region: region),
            lambda: try client(LambdaClient.self, region: region),
            cloudWatch: try client(CloudWatchClient.self, region: region), ssm: try client(SSMClient.self, region: region),
            sts: try client(STSClient.self, region: region),
            snsClients: { topicRegion in
                // The endpoint variables were read for the home region above; they read the same for any other.
                (try? SNSClient.fromEnvironment(
                    environment, region: topicRegion, credentials: credentials, transport: transport)) ?? homeSNS
            })
    }

    /// The SNS client of a topic's region (sosw's dead-task topic may live in another region).
    public func sns(region: String) -> SNSClient {
        snsClients(region)
    }

    /// The essentials wired to these clients, with the system's clocks, randomness and ids.
    public func essentials(configuration: SoswConfiguration, logger: Logger) -> SoswEssentials<ContinuousClock> {
        SoswEssentials(
            configuration: configuration, ports: ports,
            environment: SoswEnvironment(
                clock: ContinuousClock(), wallClock: SystemWallClock(), random: SystemRandomSource(), ids: UUIDSource(),
                logger: logger))
    }

    /// The four ports the essentials are wired to.
    public var ports: SoswPorts {
        SoswPorts(dynamoDB: dynamoDB, lambda: lambda, cloudWatch: cloudWatch, sns: snsClients)
    }
}

extension SSMClient: SSMParameterReading {
    /// `GetParameters` for the one name, as sosw's SSMConfig asks: a missing parameter is nil, not an error.
    public func parameterValue(named name: String, withDecryption: Bool) async throws -> String? {
        try await getParameters(names: [name], withDecryption: withDecryption).values[name]
    }
}
