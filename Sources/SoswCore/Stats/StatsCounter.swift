import Synchronization

/// Named counters of one essential (sosw's `self.stats`): tasks invoked, archived, retried, skipped,
/// labourers that failed, …  Shared by reference so the TaskManager, the Ecology and the essential that owns
/// them add to one set, as sosw's `get_stats(recursive=True)` merges its clients' counters.
public final class StatsCounter: Sendable {
    private let counters = Mutex<[String: Int]>([:])

    public init() {}

    public func increment(_ name: String, by amount: Int = 1) {
        counters.withLock { $0[name, default: 0] += amount }
    }

    public subscript(name: String) -> Int {
        counters.withLock { $0[name] ?? 0 }
    }

    /// The counters, sorted by name.
    public func snapshot() -> [(name: String, value: Int)] {
        counters.withLock { $0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Clears every counter (sosw's `reset_stats` between invocations of a warm container).
    public func reset() {
        counters.withLock { $0.removeAll() }
    }
}
