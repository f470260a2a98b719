import Foundation
import SoswCore

/// A random delay drawn from the run's seeded source: the virtual latency of a call, or how long a global
/// index takes to reflect a write. Scenarios describe latencies by their median and 99th percentile, which
/// fit a log-normal distribution.
public enum SimulatedDelay: Sendable, Equatable {
    case fixed(Duration)
    /// Uniform between the bounds (upper excluded).
    case uniform(Duration, Duration)
    /// Log-normal with the given median and 99th percentile (p99 ≥ p50 > 0).
    case logNormal(p50: Duration, p99: Duration)

    /// The z-score of the 99th percentile of a standard normal distribution.
    private static let z99 = 2.326_347_874

    public func sample(using random: any RandomSource) -> Duration {
        switch self {
        case .fixed(let duration):
            return duration
        case .uniform(let low, let high):
            let lowSeconds = Self.seconds(low)
            let highSeconds = Self.seconds(high)
            guard highSeconds > lowSeconds else { return low }
            return Self.duration(random.uniform(in: lowSeconds..<highSeconds))
        case .logNormal(let p50, let p99):
            let median = Self.seconds(p50)
            guard median > 0 else { return .zero }
            let sigma = max(0, log(Self.seconds(p99) / median) / Self.z99)
            // Box–Muller: 1 - u keeps the logarithm's argument in (0, 1].
            let u1 = 1 - random.unitInterval()
            let u2 = random.unitInterval()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return Self.duration(median * exp(sigma * normal))
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.wholeNanoseconds) / 1e9
    }

    private static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((seconds * 1e9).rounded()))
    }
}
