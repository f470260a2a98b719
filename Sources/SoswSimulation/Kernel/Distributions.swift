import SoswCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The distributions scenarios draw from, mapped from raw words by formulas fixed here.
extension RandomSource {
    /// Exponentially distributed with the given mean (inverse transform; never infinite).
    public func exponential(mean: Double) -> Double {
        -mean * log1p(-unitInterval())
    }

    /// A standard normal variate (Box–Muller, two draws per call so every call consumes the same amount).
    public func standardNormal() -> Double {
        let u1 = 1 - unitInterval()  // (0, 1]: log is finite
        let u2 = unitInterval()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Log-normally distributed with the given median and 99th percentile, the way people describe latencies.
    /// `p99` below `median` is treated as equal to it (no spread).
    public func lognormal(median: Double, p99: Double) -> Double {
        let sigma = max(0, log(p99 / median)) / Distribution.z99
        return median * exp(sigma * standardNormal())
    }

    /// One of `choices`, with probability proportional to its weight. Zero and negative weights are never
    /// chosen; at least one weight must be positive.
    public func weightedChoice<Choice>(_ choices: [(Choice, Double)]) -> Choice {
        let total = choices.reduce(0) { $0 + max(0, $1.1) }
        precondition(total > 0, "weightedChoice needs at least one positive weight")
        var remaining = unitInterval() * total
        for (choice, weight) in choices where weight > 0 {
            remaining -= weight
            if remaining < 0 { return choice }
        }
        return choices.last { $0.1 > 0 }!.0
    }

    /// A duration drawn from `distribution`, never negative and never beyond ``ScenarioLimits/longestDuration``
    /// (a long-tailed draw would otherwise overflow the clock).
    public func duration(_ distribution: Distribution) -> Duration {
        let seconds: Double =
            switch distribution {
            case .fixed(let value): value.secondsValue
            case .uniform(let low, let high): uniform(in: low.secondsValue..<max(high.secondsValue, low.secondsValue.nextUp))
            case .exponential(let mean): exponential(mean: mean.secondsValue)
            case .lognormal(let median, let p99): lognormal(median: median.secondsValue, p99: p99.secondsValue)
            case .empirical(let samples): samples[Int(integer(below: UInt64(samples.count)))].secondsValue
            }
        return .nanoseconds(Int64((min(max(0, seconds), ScenarioLimits.longestDuration.secondsValue) * 1e9).rounded(.down)))
    }
}

/// A distribution of durations as scenarios describe them.
public enum Distribution: Sendable, Hashable {
    case fixed(Duration)
    case uniform(Duration, Duration)
    case exponential(mean: Duration)
    case lognormal(median: Duration, p99: Duration)
    /// One of recorded durations (e.g. a CSV of production run times), each equally likely; never empty.
    case empirical([Duration])

    /// The 99th percentile of the standard normal distribution.
    static let z99 = 2.326_347_874_040_841
}

extension Duration {
    /// The duration in seconds as a double.
    public var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
