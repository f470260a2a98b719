/// Credentials of the role attached to an EC2 instance, from the instance metadata service the IMDSv2 way:
/// a session token first (`PUT /latest/api/token`), then the role's name and its credentials. Falls back to
/// asking without a token when the token request is refused (403, 404, 405), as the SDKs do for IMDSv1-only
/// setups. Off EC2 nothing answers, so the first request has a 1 s deadline and is not repeated: the answer
/// "unavailable" comes quickly.
public struct InstanceMetadataCredentialsProvider: AWSCredentialsProvider {
    static let source = "instance metadata"
    public static let defaultEndpoint = AWSEndpoint(scheme: "http", host: "169.254.169.254")
    /// The endpoint when `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`.
    public static let ipv6Endpoint = AWSEndpoint(scheme: "http", host: "[fd00:ec2::254]")
    static let credentialsPath = "/latest/meta-data/iam/security-credentials/"

    public let endpoint: AWSEndpoint
    private let client: CredentialEndpointClient

    /// - Parameters:
    ///   - timeout, attempts, pause: per request, and between attempts on a server error or a broken
    ///     connection once the service has answered.
    public init(
        endpoint: AWSEndpoint = defaultEndpoint, transport: any HTTPTransport, clock: any Clock<Duration>,
        timeout: Duration = .seconds(1), attempts: Int = 3, pause: Duration = .milliseconds(200)
    ) {
        self.endpoint = endpoint
        self.client = CredentialEndpointClient(
            transport: transport, clock: clock, timeout: timeout, attempts: attempts, pause: pause)
    }

    /// The provider the environment configures: unavailable when `AWS_EC2_METADATA_DISABLED=true`; the endpoint
    /// from `AWS_EC2_METADATA_SERVICE_ENDPOINT`, else `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE`, else the
    /// IPv4 default.
    public static func fromEnvironment(
        _ environment: [String: String], transport: any HTTPTransport, clock: any Clock<Duration>
    ) throws(AWSCredentialsError) -> InstanceMetadataCredentialsProvider {
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" {
            throw .unavailable(source: source, reason: "AWS_EC2_METADATA_DISABLED is true")
        }
        var endpoint = defaultEndpoint
        if let url = environment.nonEmpty("AWS_EC2_METADATA_SERVICE_ENDPOINT") {
            do {
                endpoint = try AWSEndpoint(url: url, variable: "AWS_EC2_METADATA_SERVICE_ENDPOINT")
            } catch {
                throw .misconfigured(source: source, error)
            }
        } else if let mode = environment.nonEmpty("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") {
            switch mode.lowercased() {
            case "ipv4": break
            case "ipv6": endpoint = ipv6Endpoint
            default:
                throw .misconfigured(
                    source: source,
                    .invalidSetting(
                        setting: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", location: "the environment",
                        problem: "'\(mode)' is not a mode", expected: "IPv4 or IPv6"))
            }
        }
        return InstanceMetadataCredentialsProvider(endpoint: endpoint, transport: transport, clock: clock)
    }

    public func credentials() async throws(AWSCredentialsError) -> AWSCredentials {
        let token = try await sessionToken()
        let secrets = token.map { [$0] } ?? []
        var headers: [SigV4Request.Header] = []
        if let token { headers.append(.init("X-aws-ec2-metadata-token", token)) }
        let roles = try await get(Self.credentialsPath, headers: headers, secrets: secrets)
        if roles.status == 404 {
            throw .unavailable(source: Self.source, reason: "the instance has no IAM role attached (\(endpoint) answered 404)")
        }
        try expectSuccess(roles, of: "GET \(Self.credentialsPath)")
        let roleName = String(decoding: roles.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map { String($0).trimmingSpaces() } ?? ""
        guard !roleName.isEmpty else {
            throw .unavailable(source: Self.source, reason: "the instance has no IAM role attached (an empty role list)")
        }
        let path = Self.credentialsPath + SigV4PercentEncoding.encode(roleName)
        let response = try await get(path, headers: headers, secrets: secrets)
        try expectSuccess(response, of: "GET \(path)")
        do throws(TemporaryCredentialsJSON.Problem) {
            let object = try TemporaryCredentialsJSON.object(response.body)
            if let code = object["Code"] as? String, code != "Success" {
                throw TemporaryCredentialsJSON.Problem(reason: "its Code is '\(code)', not Success")
            }
            return try TemporaryCredentialsJSON.credentials(from: object, tokenField: .token, requireExpiration: true)
        } catch {
            throw .failed(
                source: Self.source, reason: "the credentials of role '\(roleName)' are not usable: \(error.reason)")
        }
    }

    /// The IMDSv2 session token; nil when the service refuses to hand one out and must be asked without.
    private func sessionToken() async throws(AWSCredentialsError) -> String? {
        let request = AWSHTTPRequest(
            method: "PUT", endpoint: endpoint, path: "/latest/api/token",
            headers: [.init("X-aws-ec2-metadata-token-ttl-seconds", "21600")])
        let response: AWSHTTPResponse
        do {
            response = try await client.send(request, retryingNoAnswer: false)
        } catch .noAnswer {
            throw .unavailable(source: Self.source, reason: "no answer from \(endpoint.host) within \(client.timeoutText)")
        } catch .transport(let error) {
            throw .unavailable(source: Self.source, reason: "cannot reach \(endpoint.host): \(error)")
        } catch {
            throw .failed(source: Self.source, reason: client.reason(for: error, asking: "PUT \(endpoint)/latest/api/token"))
        }
        switch response.status {
        case 200:
            let token = String(decoding: response.body, as: UTF8.self).trimmingSpaces()
            guard !token.isEmpty else {
                throw .failed(source: Self.source, reason: "PUT /latest/api/token answered an empty token")
            }
            return token
        case 403, 404, 405:
            return nil
        default:
            throw .failed(source: Self.source, reason: "PUT \(endpoint)/latest/api/token answered HTTP \(response.status)")
        }
    }

    private func get(_ path: String, headers: [SigV4Request.Header], secrets: [String]) async throws(AWSCredentialsError)
        -> AWSHTTPResponse
    {
        do {
            return try await client.send(AWSHTTPRequest(method: "GET", endpoint: endpoint, path: path, headers: headers))
        } catch {
            throw .failed(
                source: Self.source, reason: client.reason(for: error, asking: "GET \(endpoint)\(path)", redacting: secrets))
        }
    }

    private func expectSuccess(_ response: AWSHTTPResponse, of request: String) throws(AWSCredentialsError) {
        guard response.status != 200 else { return }
        throw .failed(source: Self.source, reason: "\(request) on \(endpoint) answered HTTP \(response.status)")
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines (a metadata answer's role name or token).
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
