/// Where a service's requests go: a scheme, a host, an optional port and an optional base path. Parsed by hand
/// from the configured URL so a typo is reported with the variable that holds it.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    /// nil for the scheme's default port.
    public var port: Int?
    /// Prefix of every request path, without a trailing slash; empty for the root.
    public var basePath: String

    public init(scheme: String, host: String, port: Int? = nil, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// The `Host` header value: the host, with `:port` only when it is not the scheme's default (which is what
    /// SDKs send, and so what they sign).
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    public var description: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") + basePath
    }

    /// Reads `http(s)://host[:port][/path]`; `variable` names where the text came from, for the error.
    public init(url: String, variable: String) throws(AWSConfigurationError) {
        func invalid(_ problem: String) -> AWSConfigurationError {
            .invalidEndpointURL(variable: variable, value: url, problem: problem)
        }
        guard let schemeEnd = url.firstRange(of: "://") else { throw invalid("it has no scheme") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw invalid("the scheme is '\(scheme)', expected http or https")
        }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let path = rest.dropFirst(authority.count)
        guard !path.contains("?"), !path.contains("#") else { throw invalid("it has a query or a fragment") }
        guard !authority.contains("@") else { throw invalid("it has user information") }
        var host = Substring(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let portText = authority[authority.index(after: colon)...]
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw invalid("the port '\(portText)' is not a number from 1 to 65535")
            }
            port = number
            host = authority[..<colon]
        }
        guard !host.isEmpty else { throw invalid("it has no host") }
        let trimmedPath = path.hasSuffix("/") ? path.dropLast() : path
        self.init(scheme: scheme, host: host.lowercased(), port: port, basePath: String(trimmedPath))
    }

    /// The endpoint for a service, by the SDKs' precedence: `AWS_ENDPOINT_URL_<SERVICE>`, then
    /// `AWS_ENDPOINT_URL`, then the public endpoint `https://<prefix>.<region>.amazonaws.com` (`.com.cn` in
    /// China). `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` skips both variables. `serviceID` is the SDK service
    /// id (`DynamoDB`, `Lambda`, `CloudWatch`), upper-cased with spaces as underscores for the variable name;
    /// `endpointPrefix` is the host's first label (`dynamodb`, `lambda`, `monitoring`).
    public static func resolve(
        serviceID: String, endpointPrefix: String, region: String, environment: [String: String]
    ) throws(AWSConfigurationError) -> AWSEndpoint {
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() != "true" {
            let serviceVariable = serviceEndpointVariable(serviceID: serviceID)
            for variable in [serviceVariable, "AWS_ENDPOINT_URL"] {
                if let url = environment.nonEmpty(variable) { return try AWSEndpoint(url: url, variable: variable) }
            }
        }
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return AWSEndpoint(scheme: "https", host: "\(endpointPrefix).\(region).\(domain)")
    }

    /// `AWS_ENDPOINT_URL_DYNAMODB` for `DynamoDB`, `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` for `CloudWatch Logs`.
    public static func serviceEndpointVariable(serviceID: String) -> String {
        "AWS_ENDPOINT_URL_" + serviceID.uppercased().replacingSpaces(with: "_")
    }
}

extension String {
    fileprivate func replacingSpaces(with replacement: Character) -> String {
        String(map { $0 == " " ? replacement : $0 })
    }
}
