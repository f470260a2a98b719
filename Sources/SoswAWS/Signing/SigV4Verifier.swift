import SoswCore

/// Checks the SigV4 signature of a received request against known keys: the server side of the signer, for
/// `sosw serve --check-signatures`. It recomputes the canonical request from what arrived (only the headers
/// the client says it signed) and compares signatures, so a client bug shows up as the exact canonical
/// request the server expected.
public struct SigV4Verifier: Sendable {
    /// AWS rejects requests whose X-Amz-Date is more than 15 minutes away from its clock.
    public static let defaultAllowedClockSkew: Duration = .seconds(15 * 60)

    private let credentialsByAccessKey: [String: AWSCredentials]
    public var allowedClockSkew: Duration
    /// When set, the credential scope must name this service.
    public var expectedService: String?
    /// Normalisation and encoding the clients of this service use (the default for everything but S3).
    public var options: SigV4Options

    public init(
        credentials: [AWSCredentials], expectedService: String? = nil,
        allowedClockSkew: Duration = SigV4Verifier.defaultAllowedClockSkew, options: SigV4Options = SigV4Options()
    ) {
        self.credentialsByAccessKey = Dictionary(credentials.map { ($0.accessKeyID, $0) }, uniquingKeysWith: { $1 })
        self.expectedService = expectedService
        self.allowedClockSkew = allowedClockSkew
        self.options = options
    }

    /// Verifies `request` as received at `now`; returns the parsed Authorization (whose key, which region).
    /// `request.payload` must be the body received (`.bytes`).
    @discardableResult
    public func verify(_ request: SigV4Request, now: UnixTime) throws(SigV4VerificationError) -> SigV4Authorization {
        guard let header = request.values(ofHeader: "authorization").first else { throw .missingAuthorization }
        let authorization = try SigV4Authorization(parsing: header)
        guard let credentials = credentialsByAccessKey[authorization.accessKeyID] else {
            throw .unknownAccessKey(accessKeyID: authorization.accessKeyID, known: credentialsByAccessKey.keys.sorted())
        }
        if let expectedService, authorization.service != expectedService {
            throw .unexpectedService(service: authorization.service, expected: expectedService)
        }
        guard let amzDate = request.values(ofHeader: "x-amz-date").first else { throw .missingDate }
        guard let signingTime = SigV4Timestamp.parse(amzDate: amzDate) else { throw .malformedDate(value: amzDate) }
        guard amzDate.hasPrefix(authorization.scopeDate) else {
            throw .scopeDateMismatch(scopeDate: authorization.scopeDate, amzDate: amzDate)
        }
        let skew = signingTime > now ? signingTime - now : now - signingTime
        guard skew <= allowedClockSkew else {
            throw .requestTimeTooSkewed(
                amzDate: amzDate, serverTime: SigV4Timestamp.amzDate(now),
                allowedSkewSeconds: allowedClockSkew.components.seconds)
        }
        guard authorization.signedHeaders.contains("host") else {
            throw .hostNotSigned(signedHeaders: authorization.signedHeaders)
        }
        let signedNames = Set(authorization.signedHeaders)
        let signedHeaders = request.headers.filter { signedNames.contains(SigV4Canonical.lowercased($0.name)) }
        let presentNames = Set(signedHeaders.map { SigV4Canonical.lowercased($0.name) })
        for name in authorization.signedHeaders where !presentNames.contains(name) {
            throw .signedHeaderMissing(name: name)
        }
        if let expectedToken = credentials.sessionToken,
            request.values(ofHeader: "x-amz-security-token").first != expectedToken
        {
            throw .sessionTokenMismatch(accessKeyID: credentials.accessKeyID)
        }
        let payloadHash = try payloadHash(of: request)

        let (canonicalRequest, _) = SigV4Canonical.request(
            method: request.method, path: request.path, query: request.query, headers: signedHeaders,
            payloadHash: payloadHash, options: options)
        let stringToSign = [
            SigV4Signer.algorithm, amzDate, authorization.credentialScope,
            SigV4SigningKey.sha256Hex(Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let key = SigV4SigningKey.derive(
            secretAccessKey: credentials.secretAccessKey, scopeDate: authorization.scopeDate,
            region: authorization.region, service: authorization.service)
        let expected = SigV4SigningKey.signature(of: stringToSign, with: key)
        guard Self.constantTimeEqual(expected, authorization.signature) else {
            throw .signatureMismatch(canonicalRequest: canonicalRequest, stringToSign: stringToSign)
        }
        return authorization
    }

    /// The declared X-Amz-Content-Sha256 when present (checked against the body unless it is
    /// `UNSIGNED-PAYLOAD`), else the hash of the body received.
    private func payloadHash(of request: SigV4Request) throws(SigV4VerificationError) -> String {
        let declared = request.values(ofHeader: "x-amz-content-sha256").first
        switch request.payload {
        case .unsigned:
            return declared ?? SigV4Signer.unsignedPayload
        case .bytes(let body):
            let actual = SigV4SigningKey.sha256Hex(body)
            guard let declared, declared != actual else { return actual }
            guard declared == SigV4Signer.unsignedPayload else {
                throw .payloadHashMismatch(declared: declared, actual: actual)
            }
            return declared
        }
    }

    /// Compares without stopping at the first difference, so response timing does not reveal how much of a
    /// forged signature was right.
    private static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
