/// What a client needs to know about a service to reach it: the names it goes by and the protocol it speaks.
public struct AWSService: Sendable, Hashable {
    /// The SDKs' service id (`DynamoDB`, `CloudWatch`): names the `AWS_ENDPOINT_URL_<SERVICE>` variable and
    /// the service in error messages.
    public var serviceID: String
    /// The SigV4 signing name (`dynamodb`, `monitoring`), which is also the first label of the public endpoint
    /// for every service here (`monitoring.us-east-1.amazonaws.com`).
    public var signingName: String
    public var wireProtocol: AWSWireProtocol
    /// Whether the service vouches for its response bodies with `x-amz-crc32` (DynamoDB). The SDKs check it for
    /// DynamoDB alone; other services' headers, where an emulator sends them, describe nothing the API promises
    /// (moto's answer to a Lambda dry run has the checksum of a body it does not send).
    public var checksResponseCRC32: Bool

    public init(serviceID: String, signingName: String, wireProtocol: AWSWireProtocol, checksResponseCRC32: Bool = false) {
        self.serviceID = serviceID
        self.signingName = signingName
        self.wireProtocol = wireProtocol
        self.checksResponseCRC32 = checksResponseCRC32
    }
}
