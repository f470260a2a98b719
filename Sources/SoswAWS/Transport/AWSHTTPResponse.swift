/// What came back from the service: status, headers in the order received, and the whole body (AWS JSON
/// responses are small and must be read whole to check their CRC32 and to decode them).
public struct AWSHTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [SigV4Request.Header]
    public var body: [UInt8]

    public init(status: Int, headers: [SigV4Request.Header] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name` (case-insensitively).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var isSuccess: Bool {
        (200..<300).contains(status)
    }
}
