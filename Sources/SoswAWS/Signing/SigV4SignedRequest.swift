/// Everything a signature is made of, kept so a failed request can be debugged by comparing these strings with
/// the ones the service reports in its `SignatureDoesNotMatch` message.
public struct SigV4SignedRequest: Sendable, Equatable {
    public var canonicalRequest: String
    public var stringToSign: String
    /// Lower-case hex HMAC-SHA256.
    public var signature: String
    /// `host;x-amz-date;…`, as committed to in the canonical request.
    public var signedHeaders: String
    /// The full `Authorization` header value.
    public var authorization: String
    /// The headers to send in addition to the request's own: `X-Amz-Date`, `X-Amz-Security-Token` (with
    /// temporary credentials), `X-Amz-Content-Sha256` (when asked or unsigned), and last `Authorization`. A
    /// request that already carried any of them must drop its old value (``apply(to:)`` does).
    public var headersToAdd: [SigV4Request.Header]

    /// The request with its stale signing headers removed and ``headersToAdd`` appended: what to send.
    public func apply(to request: SigV4Request) -> SigV4Request {
        let replaced = Set(headersToAdd.map { SigV4Canonical.lowercased($0.name) })
        var signed = request
        signed.headers = request.headers.filter { !replaced.contains(SigV4Canonical.lowercased($0.name)) }
            + headersToAdd
        return signed
    }
}
