import SoswCore

/// The region and credentials of a live run, found as the AWS SDKs and CLI find them, from an environment
/// and a home directory the caller passes (the process's own in the CLI; made-up ones in tests).
public struct AWSConfiguration: Sendable {
    public let region: String
    /// The profile of the shared files in use (`AWS_PROFILE`, else `default`), for messages.
    public let profile: String
    /// The standard chain (environment, web identity, profile, container, instance metadata) behind a cache
    /// that renews temporary credentials five minutes before they expire. Nothing is fetched until the first
    /// request asks.
    public let credentials: any AWSCredentialsProvider
    public let sharedConfig: AWSSharedConfig

    /// Reads the shared files and resolves the region now, so a broken file, an unknown `AWS_PROFILE` or a
    /// missing region stops the command before it does anything; credentials are resolved at the first
    /// request.
    ///
    /// - Parameters:
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    ///   - home: the directory `~` stands for (the user's home).
    ///   - makeSTS: builds the STS client roles are assumed through.
    ///   - transport: what the container and instance metadata endpoints are asked through.
    ///   - clock: the deadlines and pauses of those requests (`ContinuousClock()`).
    ///   - wallClock: expirations and role session names (`SystemWallClock()`).
    public static func resolve(
        environment: [String: String], home: String, makeSTS: @escaping STSClientFactory,
        transport: any HTTPTransport, clock: any Clock<Duration>, wallClock: any WallClock
    ) throws(AWSConfigurationError) -> AWSConfiguration {
        let sharedConfig = try AWSSharedConfig.load(environment: environment, home: home)
        let region = try AWSRegion.resolve(environment: environment, sharedConfig: sharedConfig)
        let context = CredentialProviderContext(
            environment: environment, home: home, region: region, makeSTS: makeSTS, transport: transport, clock: clock,
            wallClock: wallClock)
        return AWSConfiguration(
            region: region, profile: AWSSharedConfig.selectedProfile(environment: environment).name,
            credentials: CachedCredentialsProvider(
                CredentialsChain.standard(context: context, sharedConfig: sharedConfig), wallClock: wallClock),
            sharedConfig: sharedConfig)
    }
}
