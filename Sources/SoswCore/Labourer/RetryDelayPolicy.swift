/// How long an expired task waits before it is queued again.
///
/// `linear` is sosw's only behaviour and stays the default, so a mixed fleet retries on the same schedule;
/// `exponential` with full jitter spreads retries of a failing dependency instead of hammering it in step.
public enum RetryDelayPolicy: Hashable, Sendable {
    /// sosw's `max_duration × attempts`: the function's timeout times the invocations made so far.
    case linear
    /// `uniform(0 … min(cap, base × factor^(attempts − 1)))` in whole seconds ("full jitter").
    case exponential(base: Duration, factor: Double, cap: Duration)

    /// The delay for a task that expired after `attempts` invocations of a function whose timeout is
    /// `maxDuration`. Whole seconds, because sosw stores `desired_launch_time = int(now) + delay`.
    public func delay(attempts: Int, maxDuration: Duration, random: some RandomSource) -> Duration {
        switch self {
        case .linear:
            return .seconds(maxDuration.components.seconds * Int64(max(attempts, 0)))
        case .exponential(let base, let factor, let cap):
            let capSeconds = Double(cap.components.seconds)
            // Repeated multiplication instead of `pow`, stopping at the cap: the same digits on every platform.
            var grown = Double(base.components.seconds)
            var step = 1
            while step < attempts && grown < capSeconds {
                grown *= factor
                step += 1
            }
            let ceiling = Int64(min(capSeconds, grown).rounded(.down))
            guard ceiling > 0 else { return .zero }
            return .seconds(Int64(random.integer(below: UInt64(ceiling) + 1)))
        }
    }
}
