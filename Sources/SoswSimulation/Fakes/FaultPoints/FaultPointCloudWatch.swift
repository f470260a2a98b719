import SoswCore

/// The CloudWatch port with fault points behind the fake: datapoints missing from an answer, the latest
/// ones not yet ingested; and the crash point of a crashing essential run.
struct FaultPointCloudWatch: CloudWatch {
    /// Which fault points are on.
    struct Faults: Sendable, Hashable {
        var missingDatapoints = 0.0
        var delayedDatapoints: ChanceOfDelay?

        var any: Bool { missingDatapoints > 0 || delayedDatapoints != nil }
    }

    let base: any CloudWatch
    let faults: Faults
    let clock: SimClock
    let log: EventLog
    private let missing: SeededRandom
    private let delays: SeededRandom

    init(base: any CloudWatch, faults: Faults, clock: SimClock, log: EventLog, random: SeededRandom) {
        self.base = base
        self.faults = faults
        self.clock = clock
        self.log = log
        missing = random.stream("faults/cloudwatch/missing_datapoints")
        delays = random.stream("faults/cloudwatch/delayed_datapoints")
    }

    func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        try EssentialCrash.beforeCall()
        var output = try await base.getMetricStatistics(input)
        let now = clock.currentTime()
        var datapoints = output.datapoints
        let count = datapoints.count
        if let delayed = faults.delayedDatapoints, delays.bernoulli(delayed.probability) {
            let cutoff = now - delays.duration(.uniform(.zero, delayed.delay))
            datapoints.removeAll { $0.timestamp >= cutoff }
            log.recordFault("cloudwatch_delayed_datapoints", at: now, [
                "metric": .string(input.metricName), "hidden": .int(Int64(count - datapoints.count)),
            ])
        }
        if faults.missingDatapoints > 0 {
            let kept = datapoints.filter { _ in !missing.bernoulli(faults.missingDatapoints) }
            if kept.count < datapoints.count {
                log.recordFault("cloudwatch_missing_datapoints", at: now, [
                    "metric": .string(input.metricName), "missing": .int(Int64(datapoints.count - kept.count)),
                ])
            }
            datapoints = kept
        }
        output.datapoints = datapoints
        return output
    }

    func putMetricData(_ input: PutMetricDataInput) async throws {
        try EssentialCrash.beforeCall()
        try await base.putMetricData(input)
    }
}
