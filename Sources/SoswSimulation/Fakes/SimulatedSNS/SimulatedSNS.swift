import SoswCore
import Synchronization

/// SNS in virtual time: validates `Publish` as the service does, records every message with its virtual
/// time, and answers with message ids derived from the seed.
public final class SimulatedSNS: SNS, Sendable {
    private let clock: SimClock
    private let log: EventLog
    private let messageIDs: SeededIDSource
    private let topics: Set<String>?
    private let published = Mutex<[PublishedNotification]>([])

    /// - Parameters:
    ///   - random: the run's seeded source; message ids come from its `sns/message-ids` stream.
    ///   - topics: the topic ARNs that exist; nil accepts any well-formed topic ARN.
    public init(clock: SimClock, random: SeededRandom, log: EventLog, topics: Set<String>? = nil) {
        self.clock = clock
        self.log = log
        self.messageIDs = SeededIDSource(random: random.stream("sns/message-ids"))
        self.topics = topics
    }

    /// Every message published so far, in publication order.
    public var notifications: [PublishedNotification] {
        published.withLock { $0 }
    }

    public func publish(_ input: PublishInput) async throws -> PublishOutput {
        guard (try? ARN.snsTopic(input.topicArn)) != nil else {
            throw SNSError(
                code: .invalidParameter,
                message: "Invalid parameter: TopicArn '\(input.topicArn)' is not a topic ARN "
                    + "(arn:aws:sns:region:account:name)")
        }
        if let topics, !topics.contains(input.topicArn) {
            throw SNSError(code: .notFound, message: "Topic does not exist: \(input.topicArn)")
        }
        if input.message.isEmpty {
            throw SNSError(code: .invalidParameter, message: "Invalid parameter: Empty message")
        }
        if input.message.utf8.count > 262_144 {
            throw SNSError(
                code: .invalidParameter,
                message: "Invalid parameter: Message too long: \(input.message.utf8.count) bytes, at most 262144")
        }
        if let subject = input.subject {
            let printable = subject.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            guard !subject.isEmpty, subject.count <= 100, printable else {
                throw SNSError(
                    code: .invalidParameter,
                    message: "Invalid parameter: Subject '\(subject)' must be 1 to 100 printable ASCII characters "
                        + "without line breaks")
            }
        }
        if let attributes = input.messageAttributes, attributes.count > 10 {
            throw SNSError(
                code: .invalidParameter,
                message: "Invalid parameter: MessageAttributes: \(attributes.count) attributes, at most 10")
        }
        let now = clock.currentTime()
        let messageID = messageIDs.nextUUIDText()
        published.withLock {
            $0.append(
                PublishedNotification(
                    topicArn: input.topicArn, subject: input.subject, message: input.message, messageID: messageID,
                    publishedAt: now, messageAttributes: input.messageAttributes))
        }
        var fields: EventFields = ["topic": .string(input.topicArn), "message_id": .string(messageID)]
        if let subject = input.subject { fields["subject"] = .string(subject) }
        log.record(.snsPublished, at: now, fields)
        return PublishOutput(messageId: messageID)
    }
}
