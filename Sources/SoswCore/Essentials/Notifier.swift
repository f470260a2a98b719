import Logging
import Synchronization

/// Announces dead tasks on SNS, as sosw's SnsManager does for the Scavenger: messages are collected during a
/// run and published together, joined by `"\n\n#####\n\n"`, under the subject `` ``sosw`` Dead Task``.
///
/// The client is made for the region of the configuration (`sns_config.region`, else the recipient ARN's);
/// sosw always used us-west-2 (§15 bug 13).
public final class Notifier: Sendable {
    public static let deadTaskSubject = "``sosw`` Dead Task"
    public static let separator = "\n\n#####\n\n"
    /// SNS accepts 256 KB per message; longer batches are split.
    static let maximumMessageBytes = 250_000

    public let topicArn: String
    public let region: String
    let sns: any SNS
    let logger: Logger
    private let pending = Mutex<[String]>([])

    /// - Parameter makeClient: builds the SNS client for a region; called once, with the configured region.
    public init(config: ScavengerConfig, makeClient: (String) -> any SNS, logger: Logger) {
        self.topicArn = config.snsRecipient
        self.region = config.snsRegion
        self.sns = makeClient(config.snsRegion)
        self.logger = logger
    }

    /// Queues one message for the next ``flush()``.
    public func enqueue(_ message: String) {
        pending.withLock { $0.append(message) }
    }

    /// Publishes the queued messages (one call per 250 KB) and clears them. Returns how many publishes it
    /// made. A failed publish keeps its messages for the next flush and rethrows.
    @discardableResult
    public func flush() async throws -> Int {
        let messages = pending.withLock { queue -> [String] in
            defer { queue.removeAll() }
            return queue
        }
        var batches: [[String]] = []
        var size = 0
        for message in messages {
            if batches.isEmpty || size + message.utf8.count + Notifier.separator.utf8.count > Notifier.maximumMessageBytes {
                batches.append([])
                size = 0
            }
            batches[batches.count - 1].append(message)
            size += message.utf8.count + Notifier.separator.utf8.count
        }
        for (index, batch) in batches.enumerated() {
            do {
                _ = try await sns.publish(PublishInput(
                    topicArn: topicArn, message: batch.joined(separator: Notifier.separator), subject: Notifier.deadTaskSubject))
            } catch {
                let unsent = batches[index...].flatMap { $0 }
                pending.withLock { $0.insert(contentsOf: unsent, at: 0) }
                logger.error("publishing \(unsent.count) dead-task notices to \(topicArn) failed: \(error)")
                throw error
            }
        }
        return batches.count
    }
}
