import Crypto
import SoswCore

/// The HMAC chain of SigV4: the secret is never used directly, only a key derived for one day, region and
/// service, so a leaked signature or key is useless elsewhere.
public enum SigV4SigningKey {
    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
    public static func derive(secretAccessKey: String, scopeDate: String, region: String, service: String)
        -> SymmetricKey
    {
        let dateKey = hmac(key: Array(("AWS4" + secretAccessKey).utf8), message: scopeDate)
        let regionKey = hmac(key: dateKey, message: region)
        let serviceKey = hmac(key: regionKey, message: service)
        return SymmetricKey(data: hmac(key: serviceKey, message: "aws4_request"))
    }

    /// The lower-case hex HMAC-SHA256 of the string to sign: the `Signature=` of the Authorization header.
    public static func signature(of stringToSign: String, with key: SymmetricKey) -> String {
        lowercaseHex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }

    /// Lower-case hex SHA-256, the form SigV4 uses for payload and canonical-request hashes.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        lowercaseHex(SHA256.hash(data: bytes))
    }

    private static func hmac(key: [UInt8], message: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: key)))
    }
}
