/// An HTTP request on its way to an AWS service, as plain values: the transport sends it, the middlewares
/// (signing, retry) read and rewrite it. Headers keep their order and repeats because the signature covers
/// them as sent.
public struct AWSHTTPRequest: Sendable, Equatable {
    public var method: String
    public var endpoint: AWSEndpoint
    /// The path below the endpoint's base path, already percent-encoded, starting with `/`.
    public var path: String
    public var query: [SigV4Request.QueryItem]
    public var headers: [SigV4Request.Header]
    public var body: [UInt8]
    /// Sent without a signature: the few operations whose input is itself the credential
    /// (`AssumeRoleWithWebIdentity`). The signing middleware passes them on as they are and asks the
    /// credentials provider nothing, so they work before any credentials exist.
    public var isUnsigned: Bool

    public init(
        method: String, endpoint: AWSEndpoint, path: String = "/", query: [SigV4Request.QueryItem] = [],
        headers: [SigV4Request.Header] = [], body: [UInt8] = [], isUnsigned: Bool = false
    ) {
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.isUnsigned = isUnsigned
    }

    /// The path as it goes on the wire: the endpoint's base path, then the request's.
    public var wirePath: String {
        endpoint.basePath + path
    }

    /// The full URL, query encoded with the SigV4 rules so the bytes sent are the bytes signed.
    public var url: String {
        let queryText = query.map {
            SigV4PercentEncoding.encode($0.name) + "=" + SigV4PercentEncoding.encode($0.value)
        }.joined(separator: "&")
        return "\(endpoint.scheme)://\(endpoint.hostHeader)\(wirePath)" + (queryText.isEmpty ? "" : "?" + queryText)
    }

    /// The request in the signer's terms, with the `Host` header every signature covers added when missing.
    public var sigV4Request: SigV4Request {
        var request = SigV4Request(method: method, path: wirePath, query: query, headers: headers, payload: .bytes(body))
        if request.values(ofHeader: "host").isEmpty {
            request.headers.insert(SigV4Request.Header("Host", endpoint.hostHeader), at: 0)
        }
        return request
    }

    /// The first value of the header `name` (case-insensitively).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
