#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RateCurve {
    /// Tasks per minute `elapsed` after the load began, for a load lasting `over`; never negative.
    func perMinute(after elapsed: Duration, over: Duration) -> Double {
        let value: Double =
            switch self {
            case .constant(let rate): rate
            case .ramp(let from, let to): from + (to - from) * min(1, elapsed.secondsValue / max(over.secondsValue, 1e-9))
            case .step(let steps): steps.last { $0.offset <= elapsed }?.value ?? 0
            case .sine(let mean, let amplitude, let period):
                mean + amplitude * sin(2 * Double.pi * elapsed.secondsValue / max(period.secondsValue, 1e-9))
            }
        return max(0, value)
    }
}
