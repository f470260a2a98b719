import SoswCore
import Testing

@testable import SoswSimulation

@Suite("The simulated CloudWatch")
struct SimulatedCloudWatchTests {
    private static let start = FakeServiceHarness.start
    private static let namespace = "Sosw/Test"

    private struct Simulation {
        let executor = SimExecutor(start: SimulatedCloudWatchTests.start, strict: true)
        let log = EventLog(keepsLines: true)
        let cloudWatch: SimulatedCloudWatch

        init(seed: UInt64 = 1, publicationDelay: Duration = .zero) {
            cloudWatch = SimulatedCloudWatch(
                clock: executor.clock, random: SeededRandom(seed: seed), log: log, publicationDelay: publicationDelay)
        }

        var clock: SimClock { executor.clock }

        func run<Result: Sendable>(_ body: @escaping @Sendable (SimulatedCloudWatch, SimClock) async throws -> Result) throws -> Result {
            let cloudWatch = self.cloudWatch
            let clock = self.clock
            return try executor.run { try await body(cloudWatch, clock) }
        }
    }

    private static func query(
        _ metric: String = "Load", from: Duration = .zero, to: Duration, period: Int = 60,
        statistics: [Statistic] = Statistic.allCases, dimensions: [Dimension]? = nil, namespace: String = namespace
    ) -> GetMetricStatisticsInput {
        GetMetricStatisticsInput(
            namespace: namespace, metricName: metric, dimensions: dimensions, startTime: start + from, endTime: start + to,
            period: period, statistics: statistics)
    }

    private static func datum(_ offset: Int, _ value: Double) -> MetricDatum {
        MetricDatum(metricName: "Load", timestamp: start + .seconds(offset), value: value, unit: .count)
    }

    private static func offsets(_ output: GetMetricStatisticsOutput) -> [Int64] {
        output.datapoints.map { ($0.timestamp - start).components.seconds }
    }

    @Test("statistics per period from values, values with counts and statistic sets (hand-computed)")
    func statisticsPerPeriod() throws {
        let (byMinute, byTwoMinutes) = try Simulation().run { cloudWatch, clock in
            try await cloudWatch.putMetricData(PutMetricDataInput(namespace: Self.namespace, metricData: [
                Self.datum(10, 10), Self.datum(20, 20), Self.datum(50, 30),
                MetricDatum(metricName: "Load", timestamp: Self.start + .seconds(70), values: [5, 7], counts: [1, 3], unit: .count),
                MetricDatum(metricName: "Load", timestamp: Self.start + .seconds(130),
                            statisticValues: StatisticSet(sampleCount: 2, sum: 9, minimum: 4, maximum: 5), unit: .count),
                Self.datum(250, 1),
            ]))
            try await clock.sleep(for: .seconds(600))
            return (try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(360))),
                    try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(360), period: 120)))
        }
        #expect(byMinute.label == "Load")
        #expect(Self.offsets(byMinute) == [0, 60, 120, 240], "the empty periods at 180 and 300 have no datapoint")
        #expect(byMinute.datapoints[0] == Datapoint(timestamp: Self.start, sampleCount: 3, average: 20, sum: 60, minimum: 10, maximum: 30, unit: .count))
        #expect(byMinute.datapoints[1] == Datapoint(timestamp: Self.start + .seconds(60), sampleCount: 4, average: 6.5, sum: 26, minimum: 5, maximum: 7, unit: .count))
        #expect(byMinute.datapoints[2] == Datapoint(timestamp: Self.start + .seconds(120), sampleCount: 2, average: 4.5, sum: 9, minimum: 4, maximum: 5, unit: .count))
        #expect(byMinute.datapoints[3] == Datapoint(timestamp: Self.start + .seconds(240), sampleCount: 1, average: 1, sum: 1, minimum: 1, maximum: 1, unit: .count))
        #expect(Self.offsets(byTwoMinutes) == [0, 120, 240])
        #expect(byTwoMinutes.datapoints[0].sampleCount == 7)
        #expect(byTwoMinutes.datapoints[0].sum == 86)
        #expect(byTwoMinutes.datapoints[0].average == 86.0 / 7)
        #expect(byTwoMinutes.datapoints[0].minimum == 5)
        #expect(byTwoMinutes.datapoints[0].maximum == 30)
    }

    @Test("only the statistics asked for are set; other metrics, dimensions and units see nothing")
    func selectionAndIdentity() throws {
        let outputs = try Simulation().run { cloudWatch, clock -> [GetMetricStatisticsOutput] in
            try await cloudWatch.putMetricData(PutMetricDataInput(namespace: Self.namespace, metricData: [
                MetricDatum(metricName: "Load", dimensions: [Dimension(name: "B", value: "2"), Dimension(name: "A", value: "1")],
                            timestamp: Self.start, value: 4, unit: .percent),
            ]))
            try await clock.sleep(for: .seconds(60))
            let both = [Dimension(name: "A", value: "1"), Dimension(name: "B", value: "2")]
            return [
                try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60), statistics: [.average], dimensions: both)),
                try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60), dimensions: [Dimension(name: "A", value: "1")])),
                try await cloudWatch.getMetricStatistics(Self.query("Other", to: .seconds(60), dimensions: both)),
                try await cloudWatch.getMetricStatistics(
                    GetMetricStatisticsInput(namespace: Self.namespace, metricName: "Load", dimensions: both, startTime: Self.start,
                                             endTime: Self.start + .seconds(60), period: 60, statistics: [.sum], unit: .count)),
            ]
        }
        #expect(outputs[0].datapoints == [Datapoint(timestamp: Self.start, average: 4, unit: .percent)], "dimension order does not matter")
        #expect(outputs[1].datapoints.isEmpty)
        #expect(outputs[2].datapoints.isEmpty)
        #expect(outputs[3].datapoints.isEmpty, "a unit filter hides data published in another unit")
    }

    @Test("StartTime is rounded down to the minute; older start times to 5 minutes and to the hour")
    func startRounding() throws {
        let output = try Simulation().run { cloudWatch, clock in
            try await cloudWatch.putMetricData(PutMetricDataInput(namespace: Self.namespace, metricData: [Self.datum(30, 1), Self.datum(90, 2)]))
            try await clock.sleep(for: .seconds(300))
            return try await cloudWatch.getMetricStatistics(Self.query(from: .seconds(45), to: .seconds(180), statistics: [.sum]))
        }
        #expect(Self.offsets(output) == [0, 60])
        #expect(output.datapoints.map(\.sum) == [1, 2])
        let now = UnixTime(iso8601: "2026-03-30T12:00:00Z")!
        #expect(SimulatedCloudWatch.roundedStart(UnixTime(iso8601: "2026-03-30T11:32:34Z")!, now: now).iso8601 == "2026-03-30T11:32:00Z")
        #expect(SimulatedCloudWatch.roundedStart(UnixTime(iso8601: "2026-03-10T12:32:34Z")!, now: now).iso8601 == "2026-03-10T12:30:00Z")
        #expect(SimulatedCloudWatch.roundedStart(UnixTime(iso8601: "2026-01-10T12:32:34Z")!, now: now).iso8601 == "2026-01-10T12:00:00Z")
    }

    @Test("the publication delay hides data newer than now minus the delay")
    func publicationDelay() throws {
        let (early, late) = try Simulation(publicationDelay: .seconds(120)).run { cloudWatch, clock in
            try await cloudWatch.putMetricData(PutMetricDataInput(namespace: Self.namespace, metricData: [Self.datum(0, 7)]))
            try await clock.sleep(for: .seconds(119))
            let early = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60)))
            try await clock.sleep(for: .seconds(1))
            let late = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60)))
            return (early, late)
        }
        #expect(early.datapoints.isEmpty)
        #expect(late.datapoints.map(\.average) == [7])
    }

    @Test("a constant model is sampled every second from its origin, each second once it has ended")
    func constantModel() throws {
        let simulation = Simulation()
        let metric = MetricIdentity(namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: [Dimension(name: "DBInstanceIdentifier", value: "main")])
        simulation.cloudWatch.addModel(.constant(30), for: metric, unit: .percent)
        let (byMinute, byFive) = try simulation.run { cloudWatch, clock in
            try await clock.sleep(for: .seconds(300))
            let byMinute = try await cloudWatch.getMetricStatistics(
                GetMetricStatisticsInput(namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: metric.dimensions,
                                         startTime: Self.start, endTime: Self.start + .seconds(600), period: 60, statistics: [.average]))
            let byFive = try await cloudWatch.getMetricStatistics(
                GetMetricStatisticsInput(namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: metric.dimensions,
                                         startTime: Self.start, endTime: Self.start + .seconds(600), period: 300, statistics: [.sampleCount, .average]))
            return (byMinute, byFive)
        }
        #expect(Self.offsets(byMinute) == [0, 60, 120, 180, 240], "the second starting now has not ended")
        #expect(byMinute.datapoints.allSatisfy { $0.average == 30 && $0.unit == .percent })
        #expect(byFive.datapoints.map(\.sampleCount) == [300])
    }

    @Test("a steps model holds each value until the next step, with no data before the first")
    func stepsModel() throws {
        let simulation = Simulation()
        simulation.cloudWatch.addModel(
            .steps([TimedValue(offset: .seconds(3600), value: 80), TimedValue(offset: .seconds(600), value: 20)]),
            for: MetricIdentity(namespace: Self.namespace, metricName: "Load"))
        let output = try simulation.run { cloudWatch, clock in
            try await clock.sleep(for: .seconds(7200))
            return try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(7200), period: 600, statistics: [.sampleCount, .average]))
        }
        #expect(Self.offsets(output) == [600, 1200, 1800, 2400, 3000, 3600, 4200, 4800, 5400, 6000, 6600])
        #expect(output.datapoints.map(\.average) == Array(repeating: 20, count: 5) + Array(repeating: 80, count: 6))
        #expect(output.datapoints.allSatisfy { $0.sampleCount == 600 }, "one sample per second")
    }

    @Test("a replay model publishes recorded samples at their own timestamps once they are due")
    func replayModel() throws {
        let simulation = Simulation()
        simulation.cloudWatch.addModel(
            .replay([MetricSample(time: Self.start + .seconds(100), value: 5), MetricSample(time: Self.start + .seconds(30), value: 1),
                     MetricSample(time: Self.start + .seconds(90), value: 3)]),
            for: MetricIdentity(namespace: Self.namespace, metricName: "Load"))
        let (early, late) = try simulation.run { cloudWatch, clock in
            try await clock.sleep(for: .seconds(95))
            let early = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(180)))
            try await clock.sleep(for: .seconds(100))
            let late = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(180)))
            return (early, late)
        }
        #expect(early.datapoints.map(\.average) == [1, 3])
        #expect(late.datapoints.map(\.average) == [1, 4])
        #expect(late.datapoints.map(\.sampleCount) == [1, 2])
    }

    private struct StepLoad: RunningExecutionsSource {
        func runningExecutions(of function: String, at time: UnixTime) -> Int {
            switch function {
            case "a": time >= SimulatedCloudWatchTests.start + .seconds(300) ? 10 : 0
            case "b": 2
            default: 99
            }
        }
    }

    @Test("a reactive model follows the running executions of its functions, a lag later")
    func reactiveModel() throws {
        let simulation = Simulation()
        simulation.cloudWatch.addModel(
            .reactive(ReactiveMetric(base: 10, perRunning: ["a": 4.5, "b": 1], lag: .seconds(120))),
            for: MetricIdentity(namespace: Self.namespace, metricName: "Load"), load: StepLoad())
        let output = try simulation.run { cloudWatch, clock in
            try await clock.sleep(for: .seconds(600))
            return try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(600), statistics: [.average]))
        }
        // 10 + 1 × 2 before the load reaches the metric; 10 + 1 × 2 + 4.5 × 10 once t − 120 s ≥ 300 s.
        #expect(output.datapoints.map(\.average) == Array(repeating: 12, count: 7) + Array(repeating: 57, count: 3))
    }

    @Test("reactive noise is seeded and does not depend on when the metric is read; bounds clamp it")
    func reactiveNoise() throws {
        func averages(seed: UInt64, readEvery: Int) throws -> [Double] {
            let simulation = Simulation(seed: seed)
            simulation.cloudWatch.addModel(
                .reactive(ReactiveMetric(base: 96, perRunning: [:], noise: 3, bounds: 0...100)),
                for: MetricIdentity(namespace: Self.namespace, metricName: "Load"))
            return try simulation.run { cloudWatch, clock in
                for _ in 0..<(6000 / readEvery) {
                    try await clock.sleep(for: .seconds(readEvery))
                    _ = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60)))
                }
                let output = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(6000), statistics: [.average, .maximum, .minimum]))
                return output.datapoints.flatMap { [$0.average!, $0.maximum!, $0.minimum!] }
            }
        }
        let values = try averages(seed: 1, readEvery: 60)
        #expect(values.count == 300)
        #expect(try averages(seed: 1, readEvery: 1200) == values)
        #expect(try averages(seed: 2, readEvery: 60) != values)
        let maxima = stride(from: 1, to: values.count, by: 3).map { values[$0] }
        let minima = stride(from: 2, to: values.count, by: 3).map { values[$0] }
        #expect(values.allSatisfy { $0 <= 100 })
        #expect(maxima.contains(100) && minima.allSatisfy { $0 < 96 })
    }

    @Test("a reactive metric reads the simulated Lambda's running executions")
    func reactiveToSimulatedLambda() throws {
        let harness = FakeServiceHarness()
        let cloudWatch = SimulatedCloudWatch(clock: harness.clock, random: harness.random, log: harness.log)
        cloudWatch.addModel(
            .reactive(ReactiveMetric(base: 5, perRunning: ["worker": 10])),
            for: MetricIdentity(namespace: Self.namespace, metricName: "Load"), load: harness.lambda)
        try harness.lambda.register(
            SimulatedFunction(name: "worker", timeout: .seconds(900), worker: WorkerModel(duration: .distribution(.fixed(.seconds(630))))))
        let output = try harness.run { lambda in
            for index in 0..<3 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
            try await harness.clock.sleep(for: .seconds(900))
            return try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(900), period: 300, statistics: [.average]))
        }
        // Three executions run from 0 to 630 s: 5 + 10 × 3 = 35 each second until then; the last period holds
        // 30 seconds at 35 and 270 at 5: (30 × 35 + 270 × 5) / 300 = 8.
        #expect(output.datapoints.map(\.average) == [35, 35, 8])
    }

    @Test("GetMetricStatistics refuses what the service refuses, with its codes and words")
    func getValidation() throws {
        let errors = try Simulation().run { cloudWatch, clock -> [CloudWatchError] in
            try await clock.sleep(for: .seconds(86_400))
            var errors: [CloudWatchError] = []
            let inputs = [
                Self.query(to: .seconds(600), period: 30),
                Self.query(to: .seconds(600), period: 90),
                Self.query(to: .seconds(1441 * 60)),
                Self.query(to: .seconds(600), namespace: ""),
                Self.query(to: .seconds(600), statistics: []),
                Self.query(from: .seconds(600), to: .seconds(600)),
            ]
            for input in inputs {
                do { _ = try await cloudWatch.getMetricStatistics(input) } catch let error as CloudWatchError { errors.append(error) }
            }
            _ = try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(1440 * 60)))
            return errors
        }
        #expect(errors.map(\.code) == [
            .invalidParameterValue, .invalidParameterValue, .invalidParameterCombination, .missingParameter,
            .invalidParameterCombination, .invalidParameterValue,
        ])
        #expect(errors.allSatisfy { $0.httpStatus == 400 && $0.code.fault == "Sender" })
        #expect(errors[2].message == "You have requested up to 1441 datapoints, which exceeds the limit of 1440. "
                + "You may reduce the datapoints requested by increasing Period, or decreasing the time range.")
        #expect(errors[3].message == "The parameter Namespace is required.")
        #expect(errors[1].message.contains("got 90"))
    }

    @Test("PutMetricData refuses bad requests whole: nothing of a refused request is stored")
    func putValidation() throws {
        let (errors, stored) = try Simulation().run { cloudWatch, clock -> ([CloudWatchError], GetMetricStatisticsOutput) in
            var errors: [CloudWatchError] = []
            let inputs = [
                PutMetricDataInput(namespace: "AWS/RDS", metricData: [Self.datum(0, 1)]),
                PutMetricDataInput(namespace: Self.namespace, metricData: []),
                PutMetricDataInput(namespace: Self.namespace, metricData: [
                    Self.datum(0, 1),
                    MetricDatum(metricName: "Load", value: 1, statisticValues: StatisticSet(sampleCount: 1, sum: 1, minimum: 1, maximum: 1)),
                ]),
                PutMetricDataInput(namespace: Self.namespace, metricData: [MetricDatum(metricName: "Load", values: [1, 2], counts: [1])]),
                PutMetricDataInput(namespace: Self.namespace, metricData: [MetricDatum(metricName: "Load", value: .nan)]),
                PutMetricDataInput(namespace: Self.namespace, metricData: [MetricDatum(metricName: "Load", timestamp: Self.start + .seconds(3 * 3600), value: 1)]),
            ]
            for input in inputs {
                do { try await cloudWatch.putMetricData(input) } catch let error as CloudWatchError { errors.append(error) }
            }
            try await clock.sleep(for: .seconds(60))
            return (errors, try await cloudWatch.getMetricStatistics(Self.query(to: .seconds(60))))
        }
        #expect(errors.map(\.code) == [
            .invalidParameterValue, .missingParameter, .invalidParameterCombination, .invalidParameterValue,
            .invalidParameterValue, .invalidParameterValue,
        ])
        #expect(errors[2].message.contains("MetricData.member.2.Value and MetricData.member.2.StatisticValues"))
        #expect(stored.datapoints.isEmpty)
    }
}
