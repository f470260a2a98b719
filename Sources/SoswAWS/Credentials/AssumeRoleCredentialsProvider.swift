/// Credentials for a role assumed through STS AssumeRole, signed with another provider's credentials: a
/// profile's `role_arn` with its `source_profile` or `credential_source`.
public struct AssumeRoleCredentialsProvider: AWSCredentialsProvider {
    public let roleARN: String
    public let sessionName: String?
    public let externalID: String?
    public let durationSeconds: Int?
    /// Names the source in errors: the profile that asks for the role.
    public let source: String
    private let sts: any STSRoleAssuming
    private let context: CredentialProviderContext

    /// - Parameters:
    ///   - sourceCredentials: what STS calls are signed with; cached here, since every attempt of every STS
    ///     call asks for them.
    ///   - sessionName: nil for `sosw-<unix seconds>` at each call.
    public init(
        roleARN: String, sessionName: String?, externalID: String?, durationSeconds: Int?,
        sourceCredentials: any AWSCredentialsProvider, source: String, context: CredentialProviderContext
    ) {
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.externalID = externalID
        self.durationSeconds = durationSeconds
        self.source = source
        self.context = context
        self.sts = context.makeSTS(
            CachedCredentialsProvider(sourceCredentials, wallClock: context.wallClock), context.region)
    }

    /// A failure to get the source credentials is passed on as it is (it names its own source); any other
    /// failure is STS's.
    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        do {
            return try await sts.assumeRole(
                roleARN: roleARN, sessionName: sessionName ?? context.defaultRoleSessionName, externalID: externalID,
                durationSeconds: durationSeconds)
        } catch let error as AWSCredentialsError {
            throw error
        } catch {
            throw .failed(source: source, reason: "STS AssumeRole of \(roleARN) failed: \(error)")
        }
    }
}
