/// What the signer and the verifier need to know about an HTTP request, and nothing more: no URL type, no
/// client. Keeping it this small is what lets the same canonicalisation serve the live client (signing what it
/// is about to send) and `sosw serve` (checking what it received).
public struct SigV4Request: Sendable, Equatable {
    /// One header as it travels, name spelled as the sender wrote it. Repeated names are separate entries, in
    /// the order sent, because SigV4 joins their values in that order.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One query parameter, percent-decoded. The signer encodes it with the SigV4 rules, so a caller never has
    /// to guess which encoding the canonical query string wants.
    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// Splits a raw query string (`a=1&b=%E1%88%B4&c`) into decoded items, as a server receives it. A
        /// parameter without `=` has the empty value, as SigV4 canonicalises it. `+` stays a plus sign: AWS
        /// signs the bytes, not an HTML form's idea of a space.
        public static func parse(rawQuery: String) -> [QueryItem] {
            rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
                guard let equals = pair.firstIndex(of: "=") else {
                    return QueryItem(SigV4PercentEncoding.decode(String(pair)), "")
                }
                return QueryItem(
                    SigV4PercentEncoding.decode(String(pair[..<equals])),
                    SigV4PercentEncoding.decode(String(pair[pair.index(after: equals)...])))
            }
        }
    }

    /// The body as far as the signature is concerned.
    public enum Payload: Sendable, Equatable {
        /// The body is hashed into the signature.
        case bytes([UInt8])
        /// The literal `UNSIGNED-PAYLOAD` takes the place of the body's hash (large or streamed bodies over
        /// TLS); the signer then also sends `X-Amz-Content-Sha256: UNSIGNED-PAYLOAD` so the server knows.
        case unsigned
    }

    /// `GET`, `POST`, …; upper-cased when canonicalised.
    public var method: String
    /// The path exactly as it goes on the wire, already percent-encoded (`/2015-03-31/functions/my%3Afn/…`).
    public var path: String
    public var query: [QueryItem]
    /// Must contain `Host` (with the port when it is not the scheme's default): every signature covers it.
    public var headers: [Header]
    public var payload: Payload

    public init(method: String, path: String, query: [QueryItem] = [], headers: [Header], payload: Payload) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// The values of every header called `name` (case-insensitively), in the order sent.
    public func values(ofHeader name: String) -> [String] {
        let wanted = SigV4Canonical.lowercased(name)
        return headers.filter { SigV4Canonical.lowercased($0.name) == wanted }.map(\.value)
    }
}
