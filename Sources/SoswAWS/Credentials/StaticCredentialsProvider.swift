/// Fixed credentials: a profile's keys, and for tests and local servers (`sosw serve`, moto) that need a
/// signature, not a secret.
public struct StaticCredentialsProvider: AWSCredentialsProvider {
    public let fixed: AWSCredentials

    public init(_ credentials: AWSCredentials) {
        self.fixed = credentials
    }

    public func credentials() -> AWSCredentials {
        fixed
    }
}
