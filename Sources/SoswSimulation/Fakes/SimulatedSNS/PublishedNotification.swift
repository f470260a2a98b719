import SoswCore

/// One message published to the simulated SNS, as the run's outputs report it.
public struct PublishedNotification: Sendable, Hashable {
    public var topicArn: String
    public var subject: String?
    public var message: String
    public var messageID: String
    public var publishedAt: UnixTime
    public var messageAttributes: [String: MessageAttributeValue]? = nil
}
