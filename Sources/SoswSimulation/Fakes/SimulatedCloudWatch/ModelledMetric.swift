import SoswCore

/// A metric model bound to its metric, stored as CloudWatch stores a standard-resolution metric: one aggregate
/// (sample count, sum, minimum, maximum) per UTC minute of the modelled quantity sampled every `resolution`.
///
/// A health check that asks for the Average (or Maximum…) of a period so gets the statistic of the quantity
/// over the whole period, not one point sample at the instant it asks. Samples are produced lazily, always in
/// time order, so the noise draws (and so the values) do not depend on when or how often the metric is read;
/// each read only adds the samples since the previous one, and reads the minutes of its window.
///
/// A constant or reactive quantity also existed before the model's origin (the database ran before the
/// simulated hour began), so those models have an hour of history: the first health check of a run finds the
/// data a running service would have, not an empty window. Steps and replays have data only where they say.
struct ModelledMetric: Sendable {
    static let minute: Int64 = 60_000_000_000
    static let history: Duration = .seconds(3600)

    let model: MetricModel
    let unit: StandardUnit
    /// Samples fall at origin + k × resolution.
    let origin: UnixTime
    let resolution: Duration
    let noise: SeededRandom
    let load: (any RunningExecutionsSource)?
    /// The functions a reactive model reads, with their weights, in name order (the order of the noise-free
    /// sum does not depend on a dictionary's).
    private let weights: [(function: String, weight: Double)]
    /// The next sample index (or replay sample) not yet produced; negative within the history.
    private var next: Int
    /// One aggregate per minute holding data, in time order; each observation's time is its minute's start.
    private(set) var minutes: [MetricObservation] = []

    init(
        model: MetricModel, unit: StandardUnit, origin: UnixTime, resolution: Duration, noise: SeededRandom,
        load: (any RunningExecutionsSource)?
    ) {
        self.model = model
        self.unit = unit
        self.origin = origin
        self.resolution = resolution
        self.noise = noise
        self.load = load
        switch model {
        case .reactive(let reactive):
            weights = reactive.perRunning.keys.sorted().map { ($0, reactive.perRunning[$0]!) }
            next = -Int(Self.history / resolution)
        case .constant:
            weights = []
            next = -Int(Self.history / resolution)
        case .steps, .replay:
            weights = []
            next = 0
        }
    }

    /// Produces every sample that is complete at `end`: a sampled value once its interval (time + resolution)
    /// has ended, so a running count is read only once nothing at its instant can still change it; a replayed
    /// sample once its timestamp is reached.
    mutating func advance(through end: UnixTime) {
        if case .replay(let recorded) = model {
            while next < recorded.count, recorded[next].time <= end {
                accumulate(recorded[next].value, at: recorded[next].time.nanoseconds)
                next += 1
            }
            return
        }
        while true {
            let time = origin + resolution * next
            guard time + resolution <= end else { return }
            if let value = value(at: time) {
                accumulate(value, at: time.nanoseconds)
            }
            next += 1
        }
    }

    /// The minute aggregates whose minute starts in `start..<end` (virtual nanoseconds).
    func minutes(from start: Int64, before end: Int64) -> ArraySlice<MetricObservation> {
        minutes[Self.firstIndex(in: minutes, notBefore: start)..<Self.firstIndex(in: minutes, notBefore: end)]
    }

    /// The start of the UTC minute `time` falls in (virtual nanoseconds).
    static func minuteStart(of time: Int64) -> Int64 {
        time >= 0 ? time / minute * minute : (time - minute + 1) / minute * minute
    }

    /// The first index of a time-ordered series whose time is at least `time`.
    static func firstIndex(in series: [MetricObservation], notBefore time: Int64) -> Int {
        var low = 0
        var high = series.count
        while low < high {
            let middle = (low + high) / 2
            if series[middle].time < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func accumulate(_ value: Double, at time: Int64) {
        let sample = MetricObservation(time: Self.minuteStart(of: time), value: value, unit: unit)
        if let last = minutes.last, last.time == sample.time {
            minutes[minutes.count - 1].merge(sample)
        } else {
            minutes.append(sample)
        }
    }

    private func value(at time: UnixTime) -> Double? {
        switch model {
        case .constant(let value):
            return value
        case .steps(let steps):
            let offset = time - origin
            return steps.last { $0.offset <= offset }?.value
        case .replay:
            return nil
        case .reactive(let reactive):
            let observed = time - reactive.lag
            var value = reactive.base
            for (function, weight) in weights {
                value += weight * Double(load?.runningExecutions(of: function, at: observed) ?? 0)
            }
            if reactive.noise > 0 {
                value += reactive.noise * noise.standardNormal()
            }
            if let bounds = reactive.bounds {
                value = min(max(value, bounds.lowerBound), bounds.upperBound)
            }
            return value
        }
    }
}
