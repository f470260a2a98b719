extension AWSClient {
    /// A restJson1 request: `path` below the endpoint with its URI labels already in place (each through
    /// ``uriLabel(_:)``), the members bound to query parameters and headers, and the payload as the body.
    /// Members that are nil are left out, as the SDKs leave them out.
    public func restRequest(
        _ method: String, path: String, query: KeyValuePairs<String, String?> = [:],
        headers: KeyValuePairs<String, String?> = [:], body: [UInt8] = []
    ) -> AWSHTTPRequest {
        AWSHTTPRequest(
            method: method, endpoint: endpoint, path: path,
            query: query.compactMap { name, value in value.map { SigV4Request.QueryItem(name, $0) } },
            headers: headers.compactMap { name, value in value.map { SigV4Request.Header(name, $0) } },
            body: body)
    }

    /// A URI label's value, percent-encoded so it stays one path segment: an ARN's `:` becomes `%3A`, a `/`
    /// becomes `%2F`.
    public static func uriLabel(_ value: String) -> String {
        SigV4PercentEncoding.encode(value)
    }
}
