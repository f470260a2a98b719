/// The few ways services differ in what they sign. The defaults are right for every service sosw talks to
/// (DynamoDB, Lambda, CloudWatch); S3 is the exception that needs the other values.
public struct SigV4Options: Sendable, Equatable {
    /// Percent-encode each path segment of the (already encoded) wire path once more. Every service except S3
    /// signs this double-encoded form; S3 signs the wire path as it is.
    public var doubleEncodePath: Bool
    /// Remove `.` and `..` segments and empty segments (`//`) before signing, as every service except S3 does.
    public var normalizePath: Bool
    /// Send and sign `X-Amz-Content-Sha256` with the payload hash. S3 requires it; other services accept it.
    /// Always sent for an unsigned payload.
    public var addContentSHA256Header: Bool
    /// Sign `X-Amz-Security-Token` (the norm). A few services want the token sent but left out of the
    /// signature; `false` adds the header without signing it.
    public var signSessionToken: Bool

    public init(
        doubleEncodePath: Bool = true, normalizePath: Bool = true, addContentSHA256Header: Bool = false,
        signSessionToken: Bool = true
    ) {
        self.doubleEncodePath = doubleEncodePath
        self.normalizePath = normalizePath
        self.addContentSHA256Header = addContentSHA256Header
        self.signSessionToken = signSessionToken
    }

    /// What S3 wants: the wire path as it is, and the payload hash as a header.
    public static let s3 = SigV4Options(doubleEncodePath: false, normalizePath: false, addContentSHA256Header: true)
}
