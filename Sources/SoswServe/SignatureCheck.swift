import SoswAWS
import SoswCore

/// `--check-signatures`: verifies each request's SigV4 signature against the given keys and turns a failure
/// into the error DynamoDB answers (InvalidSignatureException, UnrecognizedClientException,
/// MissingAuthenticationTokenException, IncompleteSignatureException), with the verifier's explanation,
/// which names the canonical request the server expected.
public struct SignatureCheck: Sendable {
    public let verifier: SigV4Verifier
    public let wallClock: any WallClock

    public init(credentials: [AWSCredentials], wallClock: any WallClock) {
        self.verifier = SigV4Verifier(credentials: credentials, expectedService: "dynamodb")
        self.wallClock = wallClock
    }

    /// nil when the signature is valid, else the error reply.
    public func rejection(of request: SigV4Request) -> DynamoDBJSONReply? {
        do {
            try verifier.verify(request, now: wallClock.currentTime())
            return nil
        } catch {
            return DynamoDBJSONService.frontEndError(error.awsErrorCode, message: error.description)
        }
    }
}
