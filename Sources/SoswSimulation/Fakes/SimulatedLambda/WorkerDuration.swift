import SoswCore

/// How long a worker's execution takes when nothing cuts it short: a parametric distribution, or durations
/// observed in production (an empirical distribution: each draw picks one of the samples uniformly).
public enum WorkerDuration: Sendable, Hashable {
    case distribution(Distribution)
    /// Observed durations (the scenario loader reads them from a CSV); never empty.
    case empirical([Duration])

    /// One duration drawn from `random`.
    func draw(from random: some RandomSource) -> Duration {
        switch self {
        case .distribution(let distribution):
            return random.duration(distribution)
        case .empirical(let samples):
            precondition(!samples.isEmpty, "an empirical worker duration needs at least one sample")
            return samples[Int(random.integer(below: UInt64(samples.count)))]
        }
    }
}
