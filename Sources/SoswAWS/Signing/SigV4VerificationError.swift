import SoswCore

/// Why a server rejected a request's signature. Each case names the AWS error code a real service answers with
/// (so `sosw serve` can put it in `__type`) and says what the client should change.
public enum SigV4VerificationError: Error, Equatable, CustomStringConvertible {
    case missingAuthorization
    case malformedAuthorization(value: String, problem: String)
    case unknownAccessKey(accessKeyID: String, known: [String])
    case missingDate
    case malformedDate(value: String)
    case scopeDateMismatch(scopeDate: String, amzDate: String)
    case requestTimeTooSkewed(amzDate: String, serverTime: String, allowedSkewSeconds: Int64)
    case unexpectedService(service: String, expected: String)
    case hostNotSigned(signedHeaders: [String])
    case signedHeaderMissing(name: String)
    case sessionTokenMismatch(accessKeyID: String)
    case payloadHashMismatch(declared: String, actual: String)
    case signatureMismatch(canonicalRequest: String, stringToSign: String)

    /// The error code an AWS service returns for this failure (DynamoDB's spelling).
    public var awsErrorCode: String {
        switch self {
        case .missingAuthorization: "MissingAuthenticationTokenException"
        case .malformedAuthorization, .missingDate, .malformedDate, .hostNotSigned, .signedHeaderMissing:
            "IncompleteSignatureException"
        case .unknownAccessKey, .sessionTokenMismatch: "UnrecognizedClientException"
        case .scopeDateMismatch, .requestTimeTooSkewed, .unexpectedService, .payloadHashMismatch,
            .signatureMismatch:
            "InvalidSignatureException"
        }
    }

    public var description: String {
        switch self {
        case .missingAuthorization:
            "The request has no Authorization header. Sign it with SigV4 (any AWS SDK or CLI does), "
                + "or start the server without --check-signatures."
        case .malformedAuthorization(let value, let problem):
            "The Authorization header '\(value)' is malformed: \(problem)."
        case .unknownAccessKey(let accessKeyID, let known):
            "The access key id '\(accessKeyID)' is not one this server knows (it knows: "
                + "\(known.joined(separator: ", "))). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                + "in the client to one of those keys."
        case .missingDate:
            "The request has no X-Amz-Date header; SigV4 needs it (form YYYYMMDDTHHMMSSZ) and must sign it."
        case .malformedDate(let value):
            "X-Amz-Date is '\(value)'; expected the form YYYYMMDDTHHMMSSZ, e.g. 20150830T123600Z."
        case .scopeDateMismatch(let scopeDate, let amzDate):
            "The credential scope date \(scopeDate) is not the date of X-Amz-Date \(amzDate); "
                + "both must come from the same signing time."
        case .requestTimeTooSkewed(let amzDate, let serverTime, let allowedSkewSeconds):
            "Signature expired or not yet valid: X-Amz-Date \(amzDate) is more than \(allowedSkewSeconds) s "
                + "from the server time \(serverTime). Check the client's clock."
        case .unexpectedService(let service, let expected):
            "The credential scope names the service '\(service)', but this endpoint is '\(expected)'. "
                + "Point the client at the right endpoint (AWS_ENDPOINT_URL_<SERVICE>)."
        case .hostNotSigned(let signedHeaders):
            "SignedHeaders=\(signedHeaders.joined(separator: ";")) does not include 'host'; SigV4 always signs Host."
        case .signedHeaderMissing(let name):
            "SignedHeaders lists '\(name)', but the request has no such header; a proxy may have removed it."
        case .sessionTokenMismatch(let accessKeyID):
            "The security token for access key '\(accessKeyID)' is missing or not the one this server expects; "
                + "set AWS_SESSION_TOKEN to the key's token (or unset it for long-term keys)."
        case .payloadHashMismatch(let declared, let actual):
            "X-Amz-Content-Sha256 declares \(declared), but the body received hashes to \(actual); "
                + "the body was changed after signing."
        case .signatureMismatch(let canonicalRequest, let stringToSign):
            "The request signature we calculated does not match the signature you provided. Check your AWS "
                + "Secret Access Key and signing method. The canonical request should have been\n'"
                + canonicalRequest + "'\nThe string to sign should have been\n'" + stringToSign + "'"
        }
    }
}
