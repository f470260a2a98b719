import SoswCore

/// An access key pair, and the session token that comes with temporary (STS, role, SSO) credentials.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Present for temporary credentials; sent as `X-Amz-Security-Token`.
    public var sessionToken: String?
    /// When temporary credentials stop working, so a cache can renew them ahead of time; nil for long-term
    /// keys, which never expire on their own.
    public var expiration: UnixTime?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: UnixTime? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// Names the key but never prints the secret or the token, so credentials can appear in logs and errors.
    public var description: String {
        "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
            + (sessionToken == nil ? "" : ", sessionToken: <redacted>")
            + (expiration.map { ", expiration: \($0)" } ?? "") + ")"
    }

    /// What `dump` and debuggers show: the same redacted fields as ``description``.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": accessKeyID, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
                "expiration": expiration.map { "\($0)" } ?? "nil",
            ],
            displayStyle: .struct)
    }
}
