import SoswCore
import Synchronization

/// CloudWatch in virtual time: the ``CloudWatch`` port over metrics that are published with `PutMetricData`
/// or produced by models (constant, steps, replay, reactive to running Lambda executions).
///
/// `GetMetricStatistics` validates as the service does and aggregates the stored datapoints per `Period`
/// bucket (from `StartTime` rounded down as the service rounds it) into the five statistics; a period without
/// data has no datapoint. A modelled metric is sampled every second and kept as one aggregate per minute, so
/// a period's statistic is that of the quantity over the whole period (the Average of a load-driven CPU is
/// its mean over the minute, not its value at one instant). An optional publication delay hides data newer
/// than now − delay, as CloudWatch's ingestion lag does, which matters to a health check that reads the last
/// minute.
public final class SimulatedCloudWatch: CloudWatch, Sendable {
    /// The most datapoints one `GetMetricStatistics` call may ask for.
    public static let maximumDatapoints = 1440

    private struct State {
        var series: [MetricIdentity: [MetricObservation]] = [:]
        var models: [MetricIdentity: ModelledMetric] = [:]
        var publicationDelay: Duration
    }

    private let clock: SimClock
    private let random: SeededRandom
    private let latencies: SeededRandom
    private let log: EventLog
    private let callLatency: Distribution?
    private let state: Mutex<State>

    /// - Parameters:
    ///   - clock: the kernel's virtual clock (what "now" is; latencies sleep on it).
    ///   - random: the run's seeded source; model noise and latencies draw from their own streams of it.
    ///   - publicationDelay: data newer than now − delay is not yet visible.
    ///   - callLatency: how long each call takes, drawn per call; nil answers at once.
    public init(
        clock: SimClock, random: SeededRandom, log: EventLog, publicationDelay: Duration = .zero,
        callLatency: Distribution? = nil
    ) {
        self.clock = clock
        self.random = random
        self.latencies = random.stream("cloudwatch/latency")
        self.log = log
        self.callLatency = callLatency
        self.state = Mutex(State(publicationDelay: publicationDelay))
    }

    // MARK: Models and hooks

    /// Makes `metric` follow `model` from `origin` (default: now), sampled every `resolution` (a second, fine
    /// enough that a minute's statistics describe the minute).
    /// - Parameter load: where a reactive model reads running executions (usually the ``SimulatedLambda``).
    public func addModel(
        _ model: MetricModel, for metric: MetricIdentity, unit: StandardUnit = .none,
        resolution: Duration = .seconds(1), origin: UnixTime? = nil, load: (any RunningExecutionsSource)? = nil
    ) {
        precondition(resolution > .zero, "a metric model's resolution must be positive, got \(resolution)")
        let ordered: MetricModel =
            switch model {
            case .steps(let steps): .steps(steps.sorted { $0.offset < $1.offset })
            case .replay(let samples): .replay(samples.sorted { $0.time < $1.time })
            default: model
            }
        let modelled = ModelledMetric(
            model: ordered, unit: unit, origin: origin ?? clock.currentTime(), resolution: resolution,
            noise: random.stream("cloudwatch/model/\(metric)"), load: load)
        state.withLock { $0.models[metric] = modelled }
    }

    /// Changes the publication delay from now on (a scenario fault).
    public func setPublicationDelay(_ delay: Duration) {
        state.withLock { $0.publicationDelay = delay }
    }

    // MARK: The port

    public func putMetricData(_ input: PutMetricDataInput) async throws {
        try await simulateLatency()
        let now = clock.currentTime()
        let observations = try Self.validate(input, now: now)
        state.withLock { state in
            for (identity, observation) in observations {
                Self.insert(observation, into: &state.series[identity, default: []])
            }
        }
        log.record(
            "cloudwatch.metric_data_put", at: now,
            ["namespace": .string(input.namespace), "datums": .int(Int64(input.metricData.count))])
    }

    public func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        try await simulateLatency()
        let now = clock.currentTime()
        let statistics = try Self.validate(input)
        let start = Self.roundedStart(input.startTime, now: now)
        let period = Int64(input.period) * 1_000_000_000
        let requested = (input.endTime.nanoseconds - start.nanoseconds + period - 1) / period
        guard requested <= Self.maximumDatapoints else {
            throw CloudWatchError.invalidParameterCombination(
                "You have requested up to \(requested) datapoints, which exceeds the limit of \(Self.maximumDatapoints). "
                    + "You may reduce the datapoints requested by increasing Period, or decreasing the time range.")
        }
        let identity = MetricIdentity(
            namespace: input.namespace, metricName: input.metricName, dimensions: input.dimensions ?? [])
        let visible = state.withLock { state -> [MetricObservation] in
            let cutoff = now - state.publicationDelay
            let series = state.series[identity] ?? []
            let upper = min(input.endTime.nanoseconds, cutoff.nanoseconds + 1)
            var visible = Array(series[
                ModelledMetric.firstIndex(in: series, notBefore: start.nanoseconds)..<ModelledMetric.firstIndex(in: series, notBefore: upper)])
            if var model = state.models[identity] {
                model.advance(through: cutoff)
                visible += model.minutes(from: start.nanoseconds, before: input.endTime.nanoseconds)
                state.models[identity] = model
            }
            return visible
        }
        let buckets = Self.aggregate(
            visible.filter { input.unit == nil || $0.unit == input.unit }, from: start.nanoseconds, period: period)
        let datapoints = buckets.map { Self.datapoint($0, statistics: statistics, unit: input.unit) }
        return GetMetricStatisticsOutput(label: input.metricName, datapoints: datapoints)
    }

    // MARK: Observation

    /// Everything `metric` holds from `start` to `end`, per UTC minute with data, as the statistics of a
    /// 60-second period: the modelled samples complete at `end` and the published datums, whatever the
    /// publication delay (what the service reports once it has ingested them). For the run's figures, read
    /// after the run.
    public func minuteStatistics(of metric: MetricIdentity, from start: UnixTime, through end: UnixTime)
        -> [(minute: UnixTime, statistics: StatisticSet)]
    {
        let observations = state.withLock { state -> [MetricObservation] in
            var observations = state.series[metric] ?? []
            if var model = state.models[metric] {
                model.advance(through: end)
                observations += model.minutes
                state.models[metric] = model
            }
            return observations
        }
        let minutes = Self.aggregate(
            observations.filter { $0.time >= start.nanoseconds && $0.time < end.nanoseconds }, from: 0,
            period: ModelledMetric.minute)
        return minutes.map { minute in
            (UnixTime(nanoseconds: minute.time), StatisticSet(
                sampleCount: minute.sampleCount, sum: minute.sum, minimum: minute.minimum, maximum: minute.maximum))
        }
    }

    // MARK: Aggregation

    /// Folds observations at or after `start` into one aggregate per `period` from `start` (nanoseconds), in
    /// time order; a period without data has none.
    private static func aggregate(_ observations: [MetricObservation], from start: Int64, period: Int64)
        -> [MetricObservation]
    {
        var buckets: [Int64: MetricObservation] = [:]
        for observation in observations {
            let bucket = start + (observation.time - start) / period * period
            if buckets[bucket] == nil {
                buckets[bucket] = MetricObservation(
                    time: bucket, sampleCount: observation.sampleCount, sum: observation.sum,
                    minimum: observation.minimum, maximum: observation.maximum, unit: observation.unit)
            } else {
                buckets[bucket]!.merge(observation)
            }
        }
        return buckets.keys.sorted().map { buckets[$0]! }
    }

    private static func datapoint(_ aggregate: MetricObservation, statistics: Set<Statistic>, unit: StandardUnit?)
        -> Datapoint
    {
        var datapoint = Datapoint(timestamp: UnixTime(nanoseconds: aggregate.time), unit: unit ?? aggregate.unit)
        if statistics.contains(.sampleCount) { datapoint.sampleCount = aggregate.sampleCount }
        if statistics.contains(.sum) { datapoint.sum = aggregate.sum }
        if statistics.contains(.average) { datapoint.average = aggregate.sum / aggregate.sampleCount }
        if statistics.contains(.minimum) { datapoint.minimum = aggregate.minimum }
        if statistics.contains(.maximum) { datapoint.maximum = aggregate.maximum }
        return datapoint
    }

    /// `StartTime` as the service rounds it: to the minute within 15 days of now, to 5 minutes within 63 days,
    /// to the hour beyond.
    static func roundedStart(_ start: UnixTime, now: UnixTime) -> UnixTime {
        let age = now - start
        let unit: Int64 =
            if age > .seconds(63 * 86_400) { 3600 } else if age > .seconds(15 * 86_400) { 300 } else { 60 }
        let step = unit * 1_000_000_000
        let nanoseconds = start.nanoseconds
        let floored = nanoseconds >= 0 ? nanoseconds / step * step : (nanoseconds - step + 1) / step * step
        return UnixTime(nanoseconds: floored)
    }

    /// Keeps a series ordered by time (stable: equal times keep their arrival order).
    private static func insert(_ observation: MetricObservation, into series: inout [MetricObservation]) {
        if let last = series.last, last.time > observation.time {
            series.insert(observation, at: ModelledMetric.firstIndex(in: series, notBefore: observation.time + 1))
        } else {
            series.append(observation)
        }
    }

    private func simulateLatency() async throws {
        if let callLatency {
            try await clock.sleep(for: latencies.duration(callLatency))
        }
    }
}
