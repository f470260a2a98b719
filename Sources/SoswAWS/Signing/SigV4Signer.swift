import SoswCore

/// Signs requests with AWS Signature Version 4 (header form). Pure: the signing time is a parameter, there is
/// no clock, no network and no state, so the same inputs always give the same signature and the signer can be
/// checked against published vectors.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    public var credentials: AWSCredentials
    public var region: String
    /// The signing name (`dynamodb`, `lambda`, `monitoring` for CloudWatch…).
    public var service: String
    public var options: SigV4Options

    public init(credentials: AWSCredentials, region: String, service: String, options: SigV4Options = SigV4Options()) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// The credential scope: `20150830/us-east-1/service/aws4_request`.
    public func credentialScope(at time: UnixTime) -> String {
        "\(SigV4Timestamp.scopeDate(time))/\(region)/\(service)/aws4_request"
    }

    /// Signs `request` as of `time`. Existing `Authorization`, `X-Amz-Date`, `X-Amz-Security-Token` and
    /// `X-Amz-Content-Sha256` headers are replaced, so re-signing a retried request is safe.
    public func sign(_ request: SigV4Request, at time: UnixTime) throws(SigV4SigningError) -> SigV4SignedRequest {
        guard !request.values(ofHeader: "host").isEmpty else {
            throw .missingHostHeader(method: request.method, path: request.path)
        }
        let amzDate = SigV4Timestamp.amzDate(time)
        let payloadHash: String
        switch request.payload {
        case .bytes(let body): payloadHash = SigV4SigningKey.sha256Hex(body)
        case .unsigned: payloadHash = Self.unsignedPayload
        }

        var added = [SigV4Request.Header("X-Amz-Date", amzDate)]
        var addedButUnsigned: [SigV4Request.Header] = []
        if let token = credentials.sessionToken {
            let tokenHeader = SigV4Request.Header("X-Amz-Security-Token", token)
            if options.signSessionToken { added.append(tokenHeader) } else { addedButUnsigned.append(tokenHeader) }
        }
        if options.addContentSHA256Header || request.payload == .unsigned {
            added.append(SigV4Request.Header("X-Amz-Content-Sha256", payloadHash))
        }

        let replaced: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"]
        let headersToSign = request.headers.filter {
            let name = SigV4Canonical.lowercased($0.name)
            return !replaced.contains(name) && !SigV4Canonical.unsignedHeaderNames.contains(name)
        } + added
        let (canonicalRequest, signedHeaders) = SigV4Canonical.request(
            method: request.method, path: request.path, query: request.query, headers: headersToSign,
            payloadHash: payloadHash, options: options)
        let scope = credentialScope(at: time)
        let stringToSign = [
            Self.algorithm, amzDate, scope, SigV4SigningKey.sha256Hex(Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let key = SigV4SigningKey.derive(
            secretAccessKey: credentials.secretAccessKey, scopeDate: SigV4Timestamp.scopeDate(time), region: region,
            service: service)
        let signature = SigV4SigningKey.signature(of: stringToSign, with: key)
        let authorization = SigV4Authorization(
            accessKeyID: credentials.accessKeyID, scopeDate: SigV4Timestamp.scopeDate(time), region: region,
            service: service, signedHeaders: signedHeaders.split(separator: ";").map(String.init),
            signature: signature
        ).headerValue
        return SigV4SignedRequest(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            signedHeaders: signedHeaders, authorization: authorization,
            headersToAdd: added + addedButUnsigned + [SigV4Request.Header("Authorization", authorization)])
    }
}
