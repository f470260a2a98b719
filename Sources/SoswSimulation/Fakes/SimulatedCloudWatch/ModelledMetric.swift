import SoswCore

/// A metric model bound to its metric, producing samples lazily: the samples up to a virtual instant are
/// computed when somebody asks, always in time order, so the noise draws (and so the values) do not depend
/// on when or how often the metric is read.
struct ModelledMetric: Sendable {
    let model: MetricModel
    let unit: StandardUnit
    /// Samples fall at origin + k × samplingPeriod.
    let origin: UnixTime
    let samplingPeriod: Duration
    let noise: SeededRandom
    let load: (any RunningExecutionsSource)?
    /// The next sample index (or replay sample) not yet produced.
    private var next = 0

    init(
        model: MetricModel, unit: StandardUnit, origin: UnixTime, samplingPeriod: Duration, noise: SeededRandom,
        load: (any RunningExecutionsSource)?
    ) {
        self.model = model
        self.unit = unit
        self.origin = origin
        self.samplingPeriod = samplingPeriod
        self.noise = noise
        self.load = load
    }

    /// The samples with timestamps up to `now` that were not produced before.
    mutating func samples(through now: UnixTime) -> [MetricObservation] {
        var produced: [MetricObservation] = []
        if case .replay(let recorded) = model {
            while next < recorded.count, recorded[next].time <= now {
                produced.append(MetricObservation(time: recorded[next].time.nanoseconds, value: recorded[next].value, unit: unit))
                next += 1
            }
            return produced
        }
        while true {
            let time = origin + samplingPeriod * next
            guard time <= now else { return produced }
            if let value = value(at: time) {
                produced.append(MetricObservation(time: time.nanoseconds, value: value, unit: unit))
            }
            next += 1
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
            for function in reactive.perRunning.keys.sorted() {
                let running = load?.runningExecutions(of: function, at: observed) ?? 0
                value += reactive.perRunning[function]! * Double(running)
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
