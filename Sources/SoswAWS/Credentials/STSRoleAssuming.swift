/// The two AWS Security Token Service calls the credential providers need to turn one identity into another:
/// a profile's `role_arn` (AssumeRole) and a web identity token from Kubernetes or a CI system
/// (AssumeRoleWithWebIdentity). A protocol so the providers can be tested with a fake STS and production
/// passes the real client, and so the credentials code does not depend on the awsQuery client.
public protocol STSRoleAssuming: Sendable {
    func assumeRole(roleARN: String, sessionName: String, externalID: String?, durationSeconds: Int?) async throws -> AWSCredentials
    func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?) async throws -> AWSCredentials
}
