import SoswCore

/// How a simulated metric's value evolves over virtual time.
public enum MetricModel: Sendable, Hashable {
    /// `{constant: 30}`.
    case constant(Double)
    /// `{steps: [[0s, 20], [1h, 80]]}`: each value holds from its offset (after the start) until the next; the
    /// first offset is 0s.
    case steps([TimedValue])
    /// `{replay: cpu.csv}`: recorded datapoints (`timestamp,value`), in time order; a value holds until the next.
    case replay([MetricSample])
    /// `{reactive: {...}}`: a value that follows the running executions of functions, the feedback loop between
    /// sosw's health checks and the load its workers put on a database.
    case reactive(ReactiveMetric)
}

/// A value that takes effect `offset` after the scenario's start.
public struct TimedValue: Sendable, Hashable {
    public var offset: Duration
    public var value: Double

    public init(offset: Duration, value: Double) {
        self.offset = offset
        self.value = value
    }
}

/// A recorded datapoint at an absolute time.
public struct MetricSample: Sendable, Hashable {
    public var time: UnixTime
    public var value: Double

    public init(time: UnixTime, value: Double) {
        self.time = time
        self.value = value
    }
}

/// `base + Σ perRunning[f] × running(f)`, as running was `lag` ago, plus seeded normal noise of standard
/// deviation `noise`.
public struct ReactiveMetric: Sendable, Hashable {
    public var base: Double
    /// Per function name, sorted by name.
    public var perRunning: [FunctionWeight]
    public var lag: Duration
    public var noise: Double

    public init(base: Double, perRunning: [FunctionWeight], lag: Duration = .zero, noise: Double = 0) {
        self.base = base
        self.perRunning = perRunning.sorted { $0.function < $1.function }
        self.lag = lag
        self.noise = noise
    }
}

/// How much one running execution of `function` adds to a reactive metric.
public struct FunctionWeight: Sendable, Hashable {
    public var function: String
    public var weight: Double

    public init(function: String, weight: Double) {
        self.function = function
        self.weight = weight
    }
}
