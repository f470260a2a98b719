/// How long to wait before a batch request's next round: exponential backoff with full jitter, as AWS
/// advises for throttled batch calls, drawn from an injected source so a seed replays the same waits.
public struct FullJitterBackoff: Sendable {
    /// The first ceiling; doubled after each round, up to `maximum`.
    public var initial: Duration = .milliseconds(50)
    public var maximum: Duration = .seconds(5)

    public init(initial: Duration = .milliseconds(50), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// Uniform in `0 … min(maximum, initial × 2^(round−1))`, in whole milliseconds.
    public func delay(round: Int, random: any RandomSource) -> Duration {
        var ceiling = initial
        for _ in 1..<max(round, 1) where ceiling < maximum {
            ceiling = ceiling * 2
        }
        let milliseconds = min(ceiling, maximum).wholeNanoseconds / 1_000_000
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64(random.integer(below: UInt64(milliseconds) + 1)))
    }
}
