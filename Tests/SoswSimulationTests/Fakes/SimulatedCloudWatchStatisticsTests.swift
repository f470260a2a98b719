import SoswCore
import Synchronization
import Testing

@testable import SoswSimulation

@Suite("The simulated CloudWatch's statistics of a modelled metric")
struct SimulatedCloudWatchStatisticsTests {
    private static let start = FakeServiceHarness.start
    private static let metric = MetricIdentity(namespace: "AWS/RDS", metricName: "CPUUtilization")

    /// Executions of `writer`: 4 during seconds 10..<40, 6 during 60..<90, 2 during 90..<120, none otherwise;
    /// counts how often it is asked.
    private final class BurstLoad: RunningExecutionsSource {
        let questions = Mutex(0)

        func runningExecutions(of function: String, at time: UnixTime) -> Int {
            questions.withLock { $0 += 1 }
            let second = (time - SimulatedCloudWatchStatisticsTests.start).components.seconds
            switch second {
            case 10..<40: return 4
            case 60..<90: return 6
            case 90..<120: return 2
            default: return 0
            }
        }
    }

    private static func query(to end: Duration, period: Int = 60) -> GetMetricStatisticsInput {
        GetMetricStatisticsInput(
            namespace: metric.namespace, metricName: metric.metricName, startTime: start, endTime: start + end,
            period: period, statistics: Statistic.allCases)
    }

    private static func reads(
        at instants: [Duration], _ queries: [GetMetricStatisticsInput], load: BurstLoad = BurstLoad()
    ) throws -> [GetMetricStatisticsOutput] {
        let executor = SimExecutor(start: start, strict: true)
        let cloudWatch = SimulatedCloudWatch(clock: executor.clock, random: SeededRandom(seed: 1), log: EventLog())
        cloudWatch.addModel(
            .reactive(ReactiveMetric(base: 10, perRunning: ["writer": 2.5], lag: .seconds(20))), for: metric,
            unit: .percent, load: load)
        let clock = executor.clock
        return try executor.run {
            var outputs: [GetMetricStatisticsOutput] = []
            for (instant, query) in zip(instants, queries) {
                try await clock.sleep(until: SimInstant(unixTime: start + instant), tolerance: nil)
                outputs.append(try await cloudWatch.getMetricStatistics(query))
            }
            return outputs
        }
    }

    @Test("every statistic of a period is that of the per-second values over it, the lag applied (hand-computed)")
    func statisticsOverThePeriod() throws {
        let outputs = try Self.reads(
            at: [.seconds(95), .seconds(180), .seconds(180)],
            [Self.query(to: .seconds(95)), Self.query(to: .seconds(180)), Self.query(to: .seconds(180), period: 120)])
        // Each second s reads the executions at s − 20: 10 + 2.5 × 4 = 20 for s in 30..<60, 10 + 2.5 × 6 = 25
        // for 80..<110, 10 + 2.5 × 2 = 15 for 110..<140, the base 10 otherwise.
        // Minute 0: 30 × 10 + 30 × 20 = 900. Minute 1: 20 × 10 + 30 × 25 + 10 × 15 = 1100.
        // Minute 2: 20 × 15 + 40 × 10 = 700.
        let byMinute = outputs[1].datapoints
        #expect(byMinute.map { ($0.timestamp - Self.start).components.seconds } == [0, 60, 120])
        #expect(byMinute.map(\.sampleCount) == [60, 60, 60])
        #expect(byMinute.map(\.sum) == [900, 1100, 700])
        #expect(byMinute.map(\.average) == [15, 1100.0 / 60, 700.0 / 60])
        #expect(byMinute.map(\.maximum) == [20, 25, 15])
        #expect(byMinute.map(\.minimum) == [10, 10, 10])
        #expect(byMinute.allSatisfy { $0.unit == .percent })
        // At 95 s the seconds 0…94 have ended: minute 1 holds 20 × 10 + 15 × 25 = 575 over 35 seconds.
        #expect(outputs[0].datapoints.map(\.sampleCount) == [60, 35])
        #expect(outputs[0].datapoints.map(\.sum) == [900, 575])
        #expect(outputs[0].datapoints.map(\.maximum) == [20, 25])
        // Two-minute periods: 0..<120 holds 900 + 1100 over 120 seconds, 120..<240 the 60 seconds so far.
        let byTwoMinutes = outputs[2].datapoints
        #expect(byTwoMinutes.map(\.sampleCount) == [120, 60])
        #expect(byTwoMinutes.map(\.average) == [2000.0 / 120, 700.0 / 60])
        #expect(byTwoMinutes.map(\.maximum) == [25, 15])
    }

    @Test("a reactive model has an hour of history before its origin, so the first health check finds data")
    func history() throws {
        let window = GetMetricStatisticsInput(
            namespace: Self.metric.namespace, metricName: Self.metric.metricName, startTime: Self.start - .seconds(7200),
            endTime: Self.start, period: 60, statistics: [.sampleCount, .average])
        let datapoints = try Self.reads(at: [.zero], [window])[0].datapoints
        #expect(datapoints.first?.timestamp == Self.start - .seconds(3600))
        #expect(datapoints.count == 60)
        #expect(datapoints.allSatisfy { $0.sampleCount == 60 && $0.average == 10 }, "nothing ran: the base")
    }

    @Test("each second is sampled once, however often and however widely the metric is read")
    func incrementalSampling() throws {
        let load = BurstLoad()
        let instants = stride(from: 7, through: 595, by: 7).map { Duration.seconds($0) } + [.seconds(600)]
        let outputs = try Self.reads(at: instants, instants.map { Self.query(to: $0) }, load: load)
        #expect(load.questions.withLock { $0 } == 3600 + 600, "one question per second of the hour of history and of 0…599, none repeated")
        #expect(outputs.last?.datapoints.map(\.sampleCount) == Array(repeating: 60, count: 10))
        #expect(outputs.last?.datapoints.map(\.sum) == [900, 1100, 700] + Array(repeating: 600, count: 7))
    }

    @Test("the run's minute statistics hold what GetMetricStatistics reports per minute, publication delay or not")
    func minuteStatistics() throws {
        let executor = SimExecutor(start: Self.start, strict: true)
        let cloudWatch = SimulatedCloudWatch(
            clock: executor.clock, random: SeededRandom(seed: 1), log: EventLog(), publicationDelay: .seconds(120))
        cloudWatch.addModel(
            .reactive(ReactiveMetric(base: 10, perRunning: ["writer": 2.5], lag: .seconds(20))), for: Self.metric,
            load: BurstLoad())
        let clock = executor.clock
        let visible = try executor.run {
            try await clock.sleep(for: .seconds(300))
            return try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(300)))
        }
        let minutes = cloudWatch.minuteStatistics(of: Self.metric, from: Self.start, through: Self.start + .seconds(300))
        #expect(visible.datapoints.count == 3, "the delay hides minutes 3 and 4 from GetMetricStatistics")
        #expect(minutes.map { ($0.minute - Self.start).components.seconds } == [0, 60, 120, 180, 240])
        #expect(minutes.map { $0.statistics.sum } == [900, 1100, 700, 600, 600])
        #expect(minutes.prefix(3).map { $0.statistics.maximum } == visible.datapoints.map(\.maximum))
    }
}
