/// Rejects a response whose `x-amz-crc32` header does not match its body, as botocore does for DynamoDB: a
/// damaged body would otherwise decode into wrong items. The failure is transient, so the retry middleware
/// sends the request again. Responses without the header pass unchecked.
public struct CRC32CheckMiddleware: AWSMiddleware {
    public init() {}

    public func handle(
        _ request: AWSHTTPRequest, next: @Sendable (AWSHTTPRequest) async throws -> AWSHTTPResponse
    ) async throws -> AWSHTTPResponse {
        let response = try await next(request)
        guard let declared = response.header("x-amz-crc32") else { return response }
        let actual = CRC32.checksum(response.body)
        guard UInt32(declared) == actual else {
            throw HTTPTransportError(
                .checksumMismatch,
                "\(request.method) \(request.url): x-amz-crc32 says \(declared), the \(response.body.count)-byte "
                    + "body has \(actual)")
        }
        return response
    }
}
