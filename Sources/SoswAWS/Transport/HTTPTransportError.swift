/// A request that got no usable response. `isTransient` says whether sending it again may work, which is what
/// the retry middleware needs to know (the SDKs retry socket failures and timeouts, not a malformed URL).
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Connecting failed, or the connection closed before the response was complete.
        case connection
        /// The connect, read or overall deadline passed.
        case timeout
        /// The response's `x-amz-crc32` does not match its body: it was damaged on the way.
        case checksumMismatch
        /// The request cannot be sent as it is (bad URL, client shut down); retrying will not help.
        case invalidRequest
        /// The response is larger than the transport accepts; retrying will not help.
        case responseTooLarge
    }

    public var kind: Kind
    /// The URL the request went to and what happened, for the person reading the log.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var isTransient: Bool {
        switch kind {
        case .connection, .timeout, .checksumMismatch: true
        case .invalidRequest, .responseTooLarge: false
        }
    }

    public var description: String {
        switch kind {
        case .connection: "connection failed: \(detail)"
        case .timeout: "timed out: \(detail)"
        case .checksumMismatch: "response checksum mismatch: \(detail)"
        case .invalidRequest: "request cannot be sent: \(detail)"
        case .responseTooLarge: "response too large: \(detail)"
        }
    }
}
