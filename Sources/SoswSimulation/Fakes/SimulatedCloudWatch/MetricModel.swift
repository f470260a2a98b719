import SoswCore

/// How a simulated metric's values evolve over virtual time, as scenario files describe them.
public enum MetricModel: Sendable, Hashable {
    /// The same value at every sample.
    case constant(Double)
    /// A value that changes at offsets from the model's origin: each step holds until the next. No data
    /// before the first step.
    case steps([TimedValue])
    /// Recorded datapoints, published at their own timestamps (the sampling period does not apply).
    case replay([MetricSample])
    /// A value that follows the load: base + Σ per-running weight × running executions of the function
    /// `lag` earlier + seeded normal noise.
    case reactive(ReactiveMetric)
}

/// One recorded datapoint of a ``MetricModel/replay(_:)`` model.
public struct MetricSample: Sendable, Hashable {
    public var time: UnixTime
    public var value: Double

    public init(time: UnixTime, value: Double) {
        self.time = time
        self.value = value
    }
}

/// A metric driven by the running executions of named functions: the database CPU that climbs with the
/// workers' concurrency, which sosw's health check then reads back (the feedback loop).
public struct ReactiveMetric: Sendable, Hashable {
    public var base: Double
    /// Weight per running execution, by function name.
    public var perRunning: [String: Double]
    /// How far behind the load the metric is: the value at t reflects the executions running at t − lag.
    public var lag: Duration
    /// Standard deviation of the normal noise added to each sample (0 for none).
    public var noise: Double
    /// Values are clamped into these bounds (a CPU percentage stays within 0...100), when given.
    public var bounds: ClosedRange<Double>?

    public init(
        base: Double, perRunning: [String: Double], lag: Duration = .zero, noise: Double = 0,
        bounds: ClosedRange<Double>? = nil
    ) {
        self.base = base
        self.perRunning = perRunning
        self.lag = lag
        self.noise = noise
        self.bounds = bounds
    }
}
