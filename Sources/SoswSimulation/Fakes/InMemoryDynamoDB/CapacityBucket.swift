/// The provisioned read or write capacity of one table or global index, as a token bucket on the fake's clock.
///
/// It refills at the provisioned units per second and keeps up to ``retainedSeconds`` of them unused: DynamoDB
/// retains up to five minutes of unused capacity as burst capacity. A new bucket is full, as for a table idle
/// for the five minutes before its first request. A request is let through while the bucket is not empty and
/// is charged what it consumed afterwards (a Query learns its size only by reading), so one large request can
/// leave the bucket in debt that the refill pays back before the next is let through: over any long span no
/// more than the provisioned rate plus the burst gets through.
struct CapacityBucket: Sendable {
    static let retainedSeconds = 300.0

    let unitsPerSecond: Double
    private var balance: Double
    /// When ``balance`` was last brought up to date; nil until the first charge (the bucket is full until then).
    private var updatedAt: Duration?

    init(unitsPerSecond: Int64) {
        self.unitsPerSecond = Double(unitsPerSecond)
        balance = Double(unitsPerSecond) * Self.retainedSeconds
    }

    private var capacity: Double { unitsPerSecond * Self.retainedSeconds }

    /// The units available at `now` (negative while in debt).
    func available(at now: Duration) -> Double {
        guard let updatedAt else { return balance }
        return min(capacity, balance + unitsPerSecond * max(0, (now - updatedAt).secondsValue))
    }

    /// Whether a request may draw on the bucket at `now`.
    func admits(at now: Duration) -> Bool {
        available(at: now) > 0
    }

    mutating func charge(_ units: Double, at now: Duration) {
        balance = available(at: now) - units
        updatedAt = now
    }
}
