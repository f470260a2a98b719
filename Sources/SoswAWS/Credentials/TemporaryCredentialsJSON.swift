import Foundation
import SoswCore

/// The JSON document temporary credentials come in from the container endpoint, the instance metadata
/// service (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`) and a `credential_process`
/// (`SessionToken` instead of `Token`, and `Version: 1`). Problems are reported by field name only: the
/// document holds the secret, so no part of it is ever quoted.
enum TemporaryCredentialsJSON {
    /// Which field holds the session token.
    enum TokenField: String {
        case token = "Token"
        case sessionToken = "SessionToken"
    }

    struct Problem: Error, Equatable {
        var reason: String
    }

    /// The parsed object, for callers that check more fields (`Version`, `Code`) first.
    static func object(_ bytes: [UInt8]) throws(Problem) -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? [String: Any]
        else { throw Problem(reason: "it is not a JSON object") }
        return object
    }

    /// Credentials from the object; `Expiration` is required when `requireExpiration` (the endpoints always
    /// send it), optional otherwise (a process may hand out long-term keys).
    static func credentials(
        from object: [String: Any], tokenField: TokenField, requireExpiration: Bool
    ) throws(Problem) -> AWSCredentials {
        func string(_ field: String) throws(Problem) -> String? {
            guard let value = object[field] else { return nil }
            guard let text = value as? String else { throw Problem(reason: "its \(field) is not a string") }
            return text.isEmpty ? nil : text
        }
        guard let accessKeyID = try string("AccessKeyId") else { throw Problem(reason: "it has no AccessKeyId") }
        guard let secretAccessKey = try string("SecretAccessKey") else {
            throw Problem(reason: "it has no SecretAccessKey")
        }
        let sessionToken = try string(tokenField.rawValue)
        var expiration: UnixTime?
        if let text = try string("Expiration") {
            guard let time = parseTimestamp(text) else {
                throw Problem(reason: "its Expiration '\(text)' is not an ISO 8601 time such as 2026-01-05T02:00:00Z")
            }
            expiration = time
        } else if requireExpiration {
            throw Problem(reason: "it has no Expiration")
        }
        return AWSCredentials(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            expiration: expiration)
    }

    /// `2026-01-05T02:00:00Z`, with optional fraction, or with a `+hh:mm`/`-hh:mm` offset instead of `Z` (as
    /// Python's `isoformat()` writes in credential processes).
    static func parseTimestamp(_ text: String) -> UnixTime? {
        if let time = UnixTime(iso8601: text) { return time }
        guard text.count > 6 else { return nil }
        let offset = text.suffix(6)
        let sign = offset.first
        guard sign == "+" || sign == "-", offset.dropFirst(3).first == ":",
            let hours = Int(offset.dropFirst().prefix(2)), let minutes = Int(offset.suffix(2)), hours < 24,
            minutes < 60, let local = UnixTime(iso8601: text.dropLast(6) + "Z")
        else { return nil }
        let shift = Duration.seconds(hours * 3600 + minutes * 60)
        return sign == "+" ? local - shift : local + shift
    }
}
