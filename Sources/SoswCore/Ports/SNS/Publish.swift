/// A `Publish` request to a topic.
public struct PublishInput: Sendable, Equatable, Codable {
    public var topicArn: String
    /// At most 256 KB.
    public var message: String
    /// Used as the e-mail subject: at most 100 printable ASCII characters, no line breaks.
    public var subject: String?
    /// What subscription filter policies match on, by attribute name.
    public var messageAttributes: [String: MessageAttributeValue]?

    public init(
        topicArn: String, message: String, subject: String? = nil, messageAttributes: [String: MessageAttributeValue]? = nil
    ) {
        self.topicArn = topicArn
        self.message = message
        self.subject = subject
        self.messageAttributes = messageAttributes
    }

    enum CodingKeys: String, CodingKey {
        case topicArn = "TopicArn"
        case message = "Message"
        case subject = "Subject"
        case messageAttributes = "MessageAttributes"
    }
}

/// The id the service gave the message.
public struct PublishOutput: Sendable, Equatable, Codable {
    public var messageId: String

    public init(messageId: String) {
        self.messageId = messageId
    }

    enum CodingKeys: String, CodingKey {
        case messageId = "MessageId"
    }
}
