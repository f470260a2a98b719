import SoswCore

extension AWSClient {
    /// Calls an awsJson1_0 or awsJson1_1 operation: the input as the JSON body, the output read from the
    /// JSON response.
    public nonisolated(nonsending) func jsonCall<Input: Encodable, Output: Decodable>(
        _ operation: String, _ input: Input, as output: Output.Type = Output.self
    ) async throws -> Output {
        let response = try await send(try jsonRequest(operation, input), operation: operation)
        return try decodeJSON(output, from: response, operation: operation)
    }

    /// `POST /` with the protocol's content type and `X-Amz-Target: <prefix>.<operation>` (and
    /// `x-amzn-query-mode: true` for a query-compatible service), the input encoded by ``AWSJSONCodec``.
    public func jsonRequest(_ operation: String, _ input: some Encodable) throws -> AWSHTTPRequest {
        let contentType: String
        let targetPrefix: String
        var headers: [SigV4Request.Header] = []
        switch service.wireProtocol {
        case .awsJson1_0(let prefix, let queryCompatible):
            (contentType, targetPrefix) = ("application/x-amz-json-1.0", prefix)
            if queryCompatible { headers.append(SigV4Request.Header("x-amzn-query-mode", "true")) }
        case .awsJson1_1(let prefix):
            (contentType, targetPrefix) = ("application/x-amz-json-1.1", prefix)
        case .restJson1, .awsQuery:
            preconditionFailure(
                "\(service.serviceID) speaks \(service.wireProtocol), not awsJson: build its requests with its own protocol")
        }
        headers.insert(contentsOf: [
            SigV4Request.Header("Content-Type", contentType),
            SigV4Request.Header("X-Amz-Target", "\(targetPrefix).\(operation)"),
        ], at: 0)
        return AWSHTTPRequest(
            method: "POST", endpoint: endpoint, path: "/", headers: headers, body: try AWSJSONCodec.encode(input))
    }
}
