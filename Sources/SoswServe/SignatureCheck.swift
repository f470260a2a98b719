import SoswAWS
import SoswCore

/// `--check-signatures`: verifies each request's SigV4 signature against the given keys and turns a failure
/// into the error DynamoDB answers (InvalidSignatureException, UnrecognizedClientException,
/// MissingAuthenticationTokenException, IncompleteSignatureException), with the verifier's explanation,
/// which names the canonical request the server expected.
///
/// Beyond the signature itself, the credential scope must name the server's region (a client configured for
/// another region is talking to the wrong endpoint), and every `x-amz-*` header must be signed: an unsigned
/// one could be changed in transit without breaking the signature.
public struct SignatureCheck: Sendable {
    public let verifier: SigV4Verifier
    public let wallClock: any WallClock
    /// The region the server stands for; signatures scoped to another are refused.
    public let region: String

    public init(credentials: [AWSCredentials], region: String, wallClock: any WallClock) {
        self.verifier = SigV4Verifier(credentials: credentials, expectedService: "dynamodb")
        self.region = region
        self.wallClock = wallClock
    }

    /// nil when the signature is valid, else the error reply.
    public func rejection(of request: SigV4Request) -> DynamoDBJSONReply? {
        do {
            let authorization = try verifier.verify(request, now: wallClock.currentTime())
            if authorization.region != region {
                return DynamoDBJSONService.frontEndError(
                    "InvalidSignatureException",
                    message: "Credential should be scoped to a valid region, not '\(authorization.region)'. "
                        + "This server serves '\(region)': sign for it, or start the server with --region \(authorization.region).")
            }
            let signed = Set(authorization.signedHeaders)
            let unsigned = Set(request.headers.map { $0.name.lowercased() }.filter { $0.hasPrefix("x-amz-") })
                .subtracting(signed).sorted()
            if !unsigned.isEmpty {
                return DynamoDBJSONService.frontEndError(
                    "InvalidSignatureException",
                    message: "There were headers present in the request which were not signed: "
                        + "\(unsigned.joined(separator: ", ")). Every x-amz-* header must be among the SignedHeaders "
                        + "(\(authorization.signedHeaders.joined(separator: ";"))).")
            }
            return nil
        } catch {
            return DynamoDBJSONService.frontEndError(error.awsErrorCode, message: error.description)
        }
    }
}
