import Logging
import Synchronization

/// sosw's SnsManager: messages are queued and published together, joined by ``separator``, so a run that
/// closes a hundred dead tasks sends one notice, not a hundred.
///
/// A batch goes out on ``commit()``, and by itself as soon as a message arrives under another subject,
/// recipient or set of message attributes: the batch queued so far is published first, under its own
/// subject and recipient, and the new message starts the next one. An essential commits at the end of its run,
/// whatever happened in it (sosw relied on the destructor for that).
///
/// The client is made for the region of the configuration (`sns_config.region`, else the recipient topic's);
/// sosw always published from us-west-2, wherever the topic was.
public final class Notifier: Sendable {
    public static let deadTaskSubject = "``sosw`` Dead Task"
    public static let separator = "\n\n#####\n\n"
    /// SNS accepts 256 KB per message; longer batches are split.
    static let maximumMessageBytes = 250_000

    /// Where and under what a batch is published; messages with the same heading in a row form one batch.
    public struct Heading: Hashable, Sendable {
        public var recipient: String
        public var subject: String
        public var attributes: [String: MessageAttributeValue]?
    }

    struct Batch {
        var heading: Heading
        var messages: [String]
    }

    private struct State {
        var recipient: String
        var subject: String
        /// Oldest first; only the last one takes more messages.
        var batches: [Batch] = []
    }

    public let region: String
    let sns: any SNS
    let logger: Logger
    private let state: Mutex<State>

    /// - Parameter makeClient: builds the SNS client for a region; called once, with the configured region.
    public init(config: ScavengerConfig, makeClient: (String) -> any SNS, logger: Logger = .sosw) {
        self.region = config.snsRegion
        self.sns = makeClient(config.snsRegion)
        self.logger = logger
        self.state = Mutex(State(recipient: config.snsRecipient, subject: config.snsSubject))
    }

    /// The topic the next message goes to (`sns_config.recipient` until ``setRecipient(_:)``).
    public var recipient: String { state.withLock { $0.recipient } }

    /// The subject of the next message sent without one (`sns_config.subject` until another is given).
    public var subject: String { state.withLock { $0.subject } }

    /// How many messages wait for the next publish.
    public var queued: Int { state.withLock { $0.batches.reduce(0) { $0 + $1.messages.count } } }

    /// Queues `message`. A `subject` becomes the subject of this and later messages. When the subject or the
    /// attributes differ from those of the queued messages, those are published first.
    /// - Throws: the error of that earlier publish; `message` is queued all the same, and the batch that
    ///   failed stays queued for the next ``commit()``.
    public func send(_ message: String, subject: String? = nil, attributes: [String: MessageAttributeValue]? = nil)
        async throws
    {
        let mustCommit = state.withLock { state -> Bool in
            if let subject { state.subject = subject }
            let heading = Heading(recipient: state.recipient, subject: state.subject, attributes: attributes)
            if let last = state.batches.indices.last, state.batches[last].heading == heading {
                state.batches[last].messages.append(message)
                return false
            }
            state.batches.append(Batch(heading: heading, messages: [message]))
            return state.batches.count > 1
        }
        if mustCommit { _ = try await commit(keepingLast: true) }
    }

    /// Sends later messages to `arn`, publishing what was queued for the previous recipient first.
    /// - Throws: ``NotifierError`` when `arn` is not an SNS topic ARN (nothing changes); the error of the
    ///   publish of the queued messages (the recipient changes all the same).
    public func setRecipient(_ arn: String) async throws {
        do throws(ARN.ParseError) {
            _ = try ARN.snsTopic(arn)
        } catch {
            throw NotifierError.invalidRecipient(arn, expected: error.expectation)
        }
        let changed = state.withLock { state -> Bool in
            defer { state.recipient = arn }
            return state.recipient != arn
        }
        if changed { try await commit() }
    }

    /// Publishes every queued batch, in order, one `Publish` per batch and per 250 KB of it, and clears the
    /// queue. Returns how many publishes it made.
    /// - Throws: the first failed publish; that batch and the ones after it stay queued.
    @discardableResult
    public func commit() async throws -> Int {
        try await commit(keepingLast: false)
    }

    /// - Parameter keepingLast: leave the last batch queued (it was just opened by a message with a new heading).
    private func commit(keepingLast: Bool) async throws -> Int {
        let batches = state.withLock { state -> [Batch] in
            let count = keepingLast ? state.batches.count - 1 : state.batches.count
            defer { state.batches.removeFirst(count) }
            return Array(state.batches.prefix(count))
        }
        var pending = batches[...]
        var published = 0
        while var batch = pending.first {
            do {
                published += try await publish(&batch)
            } catch {
                pending[pending.startIndex] = batch
                state.withLock { $0.batches.insert(contentsOf: pending, at: 0) }
                logger.error("publishing \(batch.messages.count) messages to \(batch.heading.recipient) failed: \(error)")
                throw error
            }
            pending.removeFirst()
        }
        return published
    }

    /// Publishes `batch` in parts of at most ``maximumMessageBytes``, removing each part from it once
    /// published, so a failure leaves in it only what was not sent.
    private func publish(_ batch: inout Batch) async throws -> Int {
        var parts: [[String]] = []
        var size = 0
        for message in batch.messages {
            let bytes = message.utf8.count + Notifier.separator.utf8.count
            if parts.isEmpty || size + bytes > Notifier.maximumMessageBytes {
                parts.append([])
                size = 0
            }
            parts[parts.count - 1].append(message)
            size += bytes
        }
        for part in parts {
            _ = try await sns.publish(PublishInput(
                topicArn: batch.heading.recipient, message: part.joined(separator: Notifier.separator),
                subject: batch.heading.subject, messageAttributes: batch.heading.attributes))
            batch.messages.removeFirst(part.count)
        }
        return parts.count
    }
}
