/// What the JSON 1.0 front end answers one request with, before HTTP: the status and the JSON body.
public struct DynamoDBJSONReply: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
