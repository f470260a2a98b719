/// Where credentials come from: the environment, the shared files, a role assumed through STS, a container or
/// instance endpoint, or a chain or cache of those. Asynchronous because most of them fetch over the network
/// or run a command; the error is always an ``AWSCredentialsError``, whose text is safe to print.
public protocol AWSCredentialsProvider: Sendable {
    func credentials() async throws(AWSCredentialsError) -> AWSCredentials
}
