/// Makes the STS client a role is assumed through: signed with `sourceCredentials` (nil for
/// AssumeRoleWithWebIdentity, which is not signed) and sent to `region`'s STS endpoint. Production passes one
/// that builds the live STS client; tests pass one that returns a fake.
public typealias STSClientFactory = @Sendable (
    _ sourceCredentials: (any AWSCredentialsProvider)?, _ region: String
) -> any STSRoleAssuming
