/// A value that takes effect `offset` after the scenario's start (the steps of a rate curve or a metric).
public struct TimedValue: Sendable, Hashable {
    public var offset: Duration
    public var value: Double

    public init(offset: Duration, value: Double) {
        self.offset = offset
        self.value = value
    }
}
