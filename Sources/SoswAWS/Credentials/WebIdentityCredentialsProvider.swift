/// Credentials for a role assumed with a web identity token (an OIDC token that EKS, GitHub Actions or another
/// identity provider writes to a file), through STS AssumeRoleWithWebIdentity. Configured by
/// `AWS_WEB_IDENTITY_TOKEN_FILE`, `AWS_ROLE_ARN` and optionally `AWS_ROLE_SESSION_NAME`, or by a profile's
/// `web_identity_token_file` and `role_arn`. The file is read at every call because the token is rotated.
public struct WebIdentityCredentialsProvider: AWSCredentialsProvider {
    public let tokenFile: String
    public let roleARN: String
    public let sessionName: String?
    public let durationSeconds: Int?
    /// Names the source in errors: `web identity`, or the profile.
    public let source: String
    private let sts: any STSRoleAssuming
    private let context: CredentialProviderContext

    /// - Parameter sessionName: nil for `sosw-<unix seconds>` at each call.
    public init(
        tokenFile: String, roleARN: String, sessionName: String?, durationSeconds: Int? = nil, source: String,
        context: CredentialProviderContext
    ) {
        self.tokenFile = tokenFile
        self.roleARN = roleARN
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.source = source
        self.context = context
        self.sts = context.makeSTS(nil, context.region)
    }

    /// The provider the environment configures: unavailable without `AWS_WEB_IDENTITY_TOKEN_FILE`,
    /// misconfigured when the file is set without the role to assume.
    public static func fromEnvironment(context: CredentialProviderContext) throws(AWSCredentialsError)
        -> WebIdentityCredentialsProvider
    {
        let source = "web identity"
        let environment = context.environment
        guard let tokenFile = environment.nonEmpty("AWS_WEB_IDENTITY_TOKEN_FILE") else {
            throw .unavailable(source: source, reason: "AWS_WEB_IDENTITY_TOKEN_FILE is not set")
        }
        guard let roleARN = environment.nonEmpty("AWS_ROLE_ARN") else {
            throw .misconfigured(
                source: source,
                .missingVariables(
                    ["AWS_ROLE_ARN"], purpose: "role to assume with the web identity token",
                    hint: "AWS_WEB_IDENTITY_TOKEN_FILE is set; set AWS_ROLE_ARN to the ARN of the role it may assume"))
        }
        return WebIdentityCredentialsProvider(
            tokenFile: tokenFile.expandingTilde(home: context.home), roleARN: roleARN,
            sessionName: environment.nonEmpty("AWS_ROLE_SESSION_NAME"), source: source, context: context)
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        let token: String
        do {
            token = try LocalTextFile.token(at: tokenFile, setting: "the web identity token file")
        } catch {
            throw .failed(source: source, reason: error.reason)
        }
        do {
            return try await sts.assumeRoleWithWebIdentity(
                roleARN: roleARN, sessionName: sessionName ?? context.defaultRoleSessionName, webIdentityToken: token,
                durationSeconds: durationSeconds)
        } catch {
            throw .failed(
                source: source,
                reason: "STS AssumeRoleWithWebIdentity of \(roleARN) failed: "
                    + String(describing: error).redacting([token]))
        }
    }
}
