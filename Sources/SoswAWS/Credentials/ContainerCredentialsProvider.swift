/// Credentials from the container credentials endpoint: ECS tasks (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`,
/// a path on 169.254.170.2) and EKS Pod Identity or other agents (`AWS_CONTAINER_CREDENTIALS_FULL_URI`, with
/// an `Authorization` token from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`).
/// A full URI must be https, or http to a loopback address or one of the container hosts, as the SDKs require,
/// so the token is never sent in clear to another machine.
public struct ContainerCredentialsProvider: AWSCredentialsProvider {
    static let source = "container"
    /// The ECS task credentials host a relative URI is appended to.
    public static let taskEndpoint = AWSEndpoint(scheme: "http", host: "169.254.170.2")
    /// Hosts plain http may go to besides loopback addresses: the ECS and EKS Pod Identity agents.
    public static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]", "localhost"]

    public enum Authorization: Sendable, Equatable {
        case none
        /// Sent as it is.
        case token(String)
        /// Read at each request, because the agent rotates it.
        case tokenFile(String)
    }

    public let endpoint: AWSEndpoint
    /// The request path (with its query, if any), starting with `/`.
    public let path: String
    public let authorization: Authorization
    private let client: CredentialEndpointClient

    /// - Parameters:
    ///   - timeout, attempts, pause: per attempt, and between attempts on a server error or a broken
    ///     connection (the SDKs: 2 s, 3 attempts, 1 s).
    public init(
        endpoint: AWSEndpoint, path: String, authorization: Authorization, transport: any HTTPTransport,
        clock: any Clock<Duration>, timeout: Duration = .seconds(2), attempts: Int = 3, pause: Duration = .seconds(1)
    ) {
        self.endpoint = endpoint
        self.path = path
        self.authorization = authorization
        self.client = CredentialEndpointClient(
            transport: transport, clock: clock, timeout: timeout, attempts: attempts, pause: pause)
    }

    /// The provider the environment configures: unavailable when neither URI variable is set, misconfigured
    /// when the full URI is not one the SDKs would send a token to.
    public static func fromEnvironment(
        _ environment: [String: String], transport: any HTTPTransport, clock: any Clock<Duration>
    ) throws(AWSCredentialsError) -> ContainerCredentialsProvider {
        let authorization: Authorization =
            if let file = environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
                .tokenFile(file)
            } else if let token = environment.nonEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN") {
                .token(token)
            } else {
                .none
            }
        if let relative = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            return ContainerCredentialsProvider(
                endpoint: taskEndpoint, path: relative.hasPrefix("/") ? relative : "/" + relative,
                authorization: authorization, transport: transport, clock: clock)
        }
        guard let full = environment.nonEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
            throw .unavailable(
                source: source,
                reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set")
        }
        let variable = "AWS_CONTAINER_CREDENTIALS_FULL_URI"
        let parsed: AWSEndpoint
        do {
            parsed = try AWSEndpoint(url: full, variable: variable)
        } catch {
            throw .misconfigured(source: source, error)
        }
        guard parsed.scheme == "https" || allowedHTTPHosts.contains(parsed.host) || isLoopback(parsed.host) else {
            throw .misconfigured(
                source: source,
                .invalidSetting(
                    setting: variable, location: "the environment",
                    problem: "http to \(parsed.host) would send the authorization token in clear to another host",
                    expected: "https, or http to a loopback address or one of "
                        + allowedHTTPHosts.sorted().joined(separator: ", ")))
        }
        let endpoint = AWSEndpoint(scheme: parsed.scheme, host: parsed.host, port: parsed.port)
        return ContainerCredentialsProvider(
            endpoint: endpoint, path: parsed.basePath.isEmpty ? "/" : parsed.basePath, authorization: authorization,
            transport: transport, clock: clock)
    }

    /// 127.0.0.0/8 and ::1, the addresses that never leave the machine.
    static func isLoopback(_ host: String) -> Bool {
        if host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        var headers: [SigV4Request.Header] = [.init("Accept", "application/json")]
        var secrets = [path]
        switch authorization {
        case .none:
            break
        case .token(let token):
            headers.append(try Self.authorizationHeader(token, from: "AWS_CONTAINER_AUTHORIZATION_TOKEN"))
            secrets.append(token)
        case .tokenFile(let file):
            let token: String
            do {
                token = try LocalTextFile.token(at: file, setting: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE")
            } catch {
                throw .failed(source: Self.source, reason: error.reason)
            }
            headers.append(try Self.authorizationHeader(token, from: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"))
            secrets.append(token)
        }
        let request = AWSHTTPRequest(method: "GET", endpoint: endpoint, path: path, headers: headers)
        // The path of an ECS task's URI is what grants its credentials, so messages name the host only.
        let target = "GET \(endpoint)"
        let response: AWSHTTPResponse
        do {
            response = try await client.send(request)
        } catch {
            throw .failed(source: Self.source, reason: client.reason(for: error, asking: target, redacting: secrets))
        }
        guard response.status == 200 else {
            throw .failed(
                source: Self.source,
                reason: "\(target) answered HTTP \(response.status)"
                    + (response.status == 401 || response.status == 403 ? " (is the authorization token current?)" : ""))
        }
        do throws(TemporaryCredentialsJSON.Problem) {
            return try TemporaryCredentialsJSON.credentials(
                from: TemporaryCredentialsJSON.object(response.body), tokenField: .token, requireExpiration: true)
        } catch {
            throw .failed(source: Self.source, reason: "\(target) answered with no usable credentials: \(error.reason)")
        }
    }

    /// A token with a line break would inject headers; the SDKs refuse it, and so do we.
    private static func authorizationHeader(_ token: String, from setting: String) throws(AWSCredentialsError)
        -> SigV4Request.Header
    {
        guard !token.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            throw .misconfigured(
                source: source,
                .invalidSetting(
                    setting: setting, location: "the environment", problem: "the token contains a line break",
                    expected: "a token on one line"))
        }
        return SigV4Request.Header("Authorization", token)
    }
}
