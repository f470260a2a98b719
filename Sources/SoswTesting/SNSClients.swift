import Synchronization

/// The ``RecordingSNS`` clients made for a deployment, in the order they were made: a Notifier asks for a
/// client of its topic's region, so the list tells which regions were published to and what.
public final class SNSClients: Sendable {
    private let made = Mutex<[RecordingSNS]>([])

    public init() {}

    public var all: [RecordingSNS] { made.withLock { $0 } }

    /// Makes a new client for `region` and remembers it.
    public func client(region: String) -> RecordingSNS {
        let client = RecordingSNS(region: region)
        made.withLock { $0.append(client) }
        return client
    }
}
