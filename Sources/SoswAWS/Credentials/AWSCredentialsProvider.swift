/// Where credentials come from. Asynchronous and throwing because the providers still to come (container,
/// instance metadata, SSO) fetch them over the network and renew them; the environment provider is the first.
public protocol AWSCredentialsProvider: Sendable {
    func credentials() async throws(AWSConfigurationError) -> AWSCredentials
}
