import SoswCore
import Synchronization

/// An SNS port that records what was published, tagged with the region its client was made for: a
/// Scavenger's dead-task notices must go to the region of their topic, which need not be the essentials' own.
public final class RecordingSNS: SNS {
    public let region: String
    private let published = Mutex<[PublishInput]>([])

    public init(region: String) {
        self.region = region
    }

    /// Every message published through this client, in call order.
    public var messages: [PublishInput] { published.withLock { $0 } }

    public func publish(_ input: PublishInput) async throws -> PublishOutput {
        let count = published.withLock { messages in
            messages.append(input)
            return messages.count
        }
        return PublishOutput(messageId: "m\(count)")
    }
}
