import SoswCore

/// The AWS Security Token Service on awsQuery (`Version=2011-06-15`): the two calls that turn one identity into
/// temporary credentials of a role, for the credential providers (``STSRoleAssuming``), and `GetCallerIdentity`
/// for the account an upload of configuration documents goes to. `AssumeRole` is signed
/// with the caller's credentials; `AssumeRoleWithWebIdentity` is sent unsigned, because its token is the
/// credential, so a client used only for it never asks its credentials provider for anything.
///
/// STS has no port; its errors (`AccessDenied`, `ExpiredTokenException`, `InvalidIdentityToken`…) arrive as
/// ``AWSServiceError`` with the service's code and message.
public struct STSClient: STSRoleAssuming, AWSServiceClient {
    public static let service = AWSService(
        serviceID: "STS", signingName: "sts", wireProtocol: .awsQuery(apiVersion: "2011-06-15"))

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// - Parameters:
    ///   - externalID: the value the role's trust policy asks third parties for, when it asks.
    ///   - durationSeconds: 900 up to the role's maximum; the service's default (3600) when nil.
    public func assumeRole(
        roleARN: String, sessionName: String, externalID: String?, durationSeconds: Int?
    ) async throws -> AWSCredentials {
        let action = "AssumeRole"
        let result = try await client.queryCall(
            action,
            [
                "RoleArn": roleARN, "RoleSessionName": sessionName, "ExternalId": externalID,
                "DurationSeconds": durationSeconds.map(String.init),
            ])
        return try credentials(in: result, of: action)
    }

    public func assumeRoleWithWebIdentity(
        roleARN: String, sessionName: String, webIdentityToken: String, durationSeconds: Int?
    ) async throws -> AWSCredentials {
        let action = "AssumeRoleWithWebIdentity"
        let result = try await client.queryCall(
            action,
            [
                "RoleArn": roleARN, "RoleSessionName": sessionName, "WebIdentityToken": webIdentityToken,
                "DurationSeconds": durationSeconds.map(String.init),
            ],
            isUnsigned: true)
        return try credentials(in: result, of: action)
    }

    /// `GetCallerIdentity`: the account, ARN and user id of the credentials this client signs with. Needs no
    /// permission: any valid credentials may ask.
    public func getCallerIdentity() async throws -> CallerIdentity {
        let action = "GetCallerIdentity"
        let result = try await client.queryCall(action, [:])
        return CallerIdentity(
            account: try client.required("Account", in: result, of: action).text,
            arn: try client.required("Arn", in: result, of: action).text,
            userID: try client.required("UserId", in: result, of: action).text)
    }

    /// `<Credentials>` with the key pair, the session token and the `Expiration` (ISO 8601).
    private func credentials(in result: AWSXMLElement, of action: String) throws -> AWSCredentials {
        let credentials = try client.required("Credentials", in: result, of: action)
        let expiration = try client.required("Expiration", in: credentials, of: action).text
        guard let expiresAt = UnixTime(iso8601: expiration) else {
            throw AWSServiceError(
                service: Self.service.serviceID, operation: action, status: 200, code: nil,
                message: "the credentials' Expiration '\(expiration)' is not an ISO 8601 UTC time "
                    + "(YYYY-MM-DDTHH:MM:SS[.fff]Z)",
                requestID: nil)
        }
        return AWSCredentials(
            accessKeyID: try client.required("AccessKeyId", in: credentials, of: action).text,
            secretAccessKey: try client.required("SecretAccessKey", in: credentials, of: action).text,
            sessionToken: try client.required("SessionToken", in: credentials, of: action).text,
            expiration: expiresAt)
    }

    /// The ``STSClientFactory`` production gives the credential providers: a live client per source and region,
    /// signing with the source credentials, or, without them (web identity), only able to send its unsigned call.
    /// The endpoint variables (`AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`) are read now, so a malformed one stops
    /// the command before any role is assumed.
    public static func factory(
        environment: [String: String], transport: any HTTPTransport = AsyncHTTPClientTransport(),
        retry: RetryStrategy = RetryStrategy()
    ) throws(AWSConfigurationError) -> STSClientFactory {
        _ = try endpoint(region: "us-east-1", environment: environment)
        return { sourceCredentials, region in
            let endpoint: AWSEndpoint
            do {
                endpoint = try Self.endpoint(region: region, environment: environment)
            } catch {
                preconditionFailure("the STS endpoint variables read without error a moment ago, now: \(error)")
            }
            return STSClient.live(
                endpoint: endpoint, region: region, credentials: sourceCredentials ?? NoSourceCredentials(),
                transport: transport, retry: retry)
        }
    }

    /// Only a malformed endpoint variable makes this throw, whatever the region.
    private static func endpoint(region: String, environment: [String: String]) throws(AWSConfigurationError)
        -> AWSEndpoint
    {
        try AWSEndpoint.resolve(
            serviceID: service.serviceID, endpointPrefix: service.signingName, region: region, environment: environment)
    }

    /// Stands in for the source credentials of a client made for AssumeRoleWithWebIdentity: that call is
    /// unsigned and never asks; a signed call made anyway is refused with the reason.
    private struct NoSourceCredentials: AWSCredentialsProvider {
        func credentials() throws(AWSCredentialsError) -> AWSCredentials {
            throw .unavailable(
                source: "STS", reason: "this STS client was made without source credentials, for "
                    + "AssumeRoleWithWebIdentity (sent unsigned); AssumeRole needs the credentials of a source profile")
        }
    }
}
