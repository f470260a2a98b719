import Synchronization

/// Tries sources in order and keeps the first that gives credentials, as the AWS SDKs' default chain does:
/// once a source has answered, later calls (renewals) go straight to it. A source with nothing configured
/// (``AWSCredentialsError/unavailable(source:reason:)``) passes to the next; any other error stops the chain,
/// so a broken profile or container endpoint is reported instead of quietly replaced by other credentials.
/// When no source has anything, the error lists each one and why, in the order tried.
public final class CredentialsChain: AWSCredentialsProvider {
    /// A source: makes its provider from the configuration (throwing `unavailable` when it has none), or
    /// throws what is wrong with it.
    public typealias Source = @Sendable () throws(AWSCredentialsError) -> any AWSCredentialsProvider

    private let sources: [Source]
    private let chosen = Mutex<(any AWSCredentialsProvider)?>(nil)

    public init(_ sources: [Source]) {
        self.sources = sources
    }

    /// The SDKs' default order: the environment's keys; a web identity token (`AWS_WEB_IDENTITY_TOKEN_FILE`);
    /// the profile of the shared files (`AWS_PROFILE`, else `default`); the container endpoint; the instance
    /// metadata service.
    public static func standard(context: CredentialProviderContext, sharedConfig: AWSSharedConfig) -> CredentialsChain {
        let (profile, namedBy) = AWSSharedConfig.selectedProfile(environment: context.environment)
        // Local functions rather than closures: typed-throws closure literals in an array crash the 6.3 compiler.
        @Sendable func environment() -> any AWSCredentialsProvider {
            EnvironmentCredentialsProvider(environment: context.environment)
        }
        @Sendable func webIdentity() throws(AWSCredentialsError) -> any AWSCredentialsProvider {
            try WebIdentityCredentialsProvider.fromEnvironment(context: context)
        }
        @Sendable func sharedFiles() throws(AWSCredentialsError) -> any AWSCredentialsProvider {
            try ProfileCredentialsResolver(config: sharedConfig, context: context).provider(selected: profile, namedBy: namedBy)
        }
        @Sendable func container() throws(AWSCredentialsError) -> any AWSCredentialsProvider {
            try ContainerCredentialsProvider.fromEnvironment(
                context.environment, transport: context.transport, clock: context.clock)
        }
        @Sendable func instanceMetadata() throws(AWSCredentialsError) -> any AWSCredentialsProvider {
            try InstanceMetadataCredentialsProvider.fromEnvironment(
                context.environment, transport: context.transport, clock: context.clock)
        }
        return CredentialsChain([environment, webIdentity, sharedFiles, container, instanceMetadata])
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        if let provider = chosen.withLock({ $0 }) { return try await provider.credentials() }
        var tried: [AWSCredentialsError] = []
        for source in sources {
            do throws(AWSCredentialsError) {
                let provider = try source()
                let credentials = try await provider.credentials()
                chosen.withLock { $0 = provider }
                return credentials
            } catch .unavailable(let source, let reason) {
                tried.append(.unavailable(source: source, reason: reason))
            }
        }
        throw .noCredentials(tried: tried)
    }
}
