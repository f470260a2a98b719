/// A labourer with the markers of the current run (sosw's `register_labourers`): every query of the
/// run uses the same `start`, `invoked` and `expired` boundaries.
public struct RegisteredLabourer: Hashable, Sendable {
    public let labourer: Labourer
    public let markers: LabourerMarkers
    /// The time the run registered the labourer (`time.time()`, with its fraction).
    public let registeredAt: UnixTime

    public init(labourer: Labourer, registeredAt: UnixTime, policy: GreenfieldPolicy) {
        self.labourer = labourer
        self.registeredAt = registeredAt
        self.markers = labourer.markers(start: registeredAt, policy: policy)
    }

    public var id: String { labourer.id }
}
