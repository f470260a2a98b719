/// Why a request could not be signed. Raised before anything is sent, so the caller can fix the request.
public enum SigV4SigningError: Error, Equatable, CustomStringConvertible {
    case missingHostHeader(method: String, path: String)

    public var description: String {
        switch self {
        case .missingHostHeader(let method, let path):
            "Cannot sign \(method) \(path): the request has no Host header, and SigV4 always signs it. "
                + "Add `Host: <hostname>` (with `:<port>` when the port is not the scheme's default) before signing."
        }
    }
}
