/// A value that takes effect `offset` after an origin (the scenario's start): one step of a stepped metric or
/// of a stepped load curve. Each value holds until the next one's offset.
public struct TimedValue: Sendable, Hashable {
    public var offset: Duration
    public var value: Double

    public init(offset: Duration, value: Double) {
        self.offset = offset
        self.value = value
    }
}
