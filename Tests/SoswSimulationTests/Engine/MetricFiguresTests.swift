import SoswCore
import SoswSimulation
import Testing

@Suite("A load-driven health metric steers the Orchestrator, and the run's figures show it")
struct MetricFiguresTests {
    /// health-throttle with its database CPU rising by `weight` points per running worker.
    static func healthThrottle(weight: Double) throws -> ScenarioRun.Result {
        var scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("health-throttle.yaml"))
        guard case .reactive(var reactive) = scenario.metrics.first?.model else {
            Issue.record("health-throttle.yaml no longer models its CPU as reactive")
            return try ScenarioRun(scenario).run(strict: true)
        }
        reactive.perRunning = ["pull_hashtags": weight]
        scenario.metrics[0].model = .reactive(reactive)
        return try ScenarioRun(scenario).run(strict: true, keepsLines: true)
    }

    @Test("weights 0.8 and 1.2 per running worker give different health and invocations; the heavier throttles more")
    func weightsMatter() throws {
        let light = try Self.healthThrottle(weight: 0.8)
        let heavy = try Self.healthThrottle(weight: 1.2)
        let lightLabourer = try #require(light.figures.labourer("pull_hashtags"))
        let heavyLabourer = try #require(heavy.figures.labourer("pull_hashtags"))
        #expect(light.eventsSHA256 != heavy.eventsSHA256)
        #expect(lightLabourer.secondsAtHealth != heavyLabourer.secondsAtHealth)
        #expect(lightLabourer.series.map(\.health) != heavyLabourer.series.map(\.health))
        #expect(lightLabourer.series.map(\.invoked) != heavyLabourer.series.map(\.invoked))
        #expect(
            heavyLabourer.secondsAtHealth[4, default: 0] < lightLabourer.secondsAtHealth[4, default: 0],
            "the heavier load leaves the database idle enough for full speed less often")
        #expect(
            heavyLabourer.secondsAtHealth[0, default: 0] > lightLabourer.secondsAtHealth[0, default: 0],
            "and pushes it past the last threshold more often")
    }

    @Test("each Orchestrator reading is the feelings applied to the mean of the figures' last five minute averages")
    func figuresExplainTheHealth() throws {
        let result = try Self.healthThrottle(weight: 1.5)
        let metric = try #require(result.figures.metrics.first)
        #expect(metric.label == "AWS/RDS CPUUtilization {DBInstanceIdentifier=main}")
        let reader = try #require(metric.readers.first)
        #expect(metric.readers.count == 1)
        #expect(reader.labourerID == "pull_hashtags" && reader.healthMetric == "db_cpu" && reader.period == 60)
        #expect(reader.statistic == .average && reader.comparison == .lessThanOrEqual)
        #expect(reader.feelings == [MetricFeeling(level: 4, threshold: 25), MetricFeeling(level: 3, threshold: 50)])
        #expect(metric.series.map(\.minute) == Array(0..<metric.series.count), "one row per minute of the run")
        #expect(metric.series.dropLast().allSatisfy { $0.sampleCount == 60 }, "a sample per second")
        #expect(Double(metric.series.count) >= result.simulatedSeconds / 60 - 1)

        let averages = Dictionary(uniqueKeysWithValues: metric.series.map { ($0.minute, $0.value(.average)) })
        let readings = try EventLogLines(result).events.filter { $0["event"]?.stringValue == "orchestrator.labourer" }
        #expect(readings.count > 60)
        for reading in readings {
            let seconds = try #require(reading["t"]?.doubleValue) - result.scenario.start.seconds
            let minute = Int(seconds / 60)
            // The figures start with the run; the hour of history before it stands at the base, 10 (nothing
            // ran), give or take the noise, so a window this close to a threshold is left out.
            let window = (minute - 5..<minute).map { averages[$0] ?? ($0 < 0 ? 10 : .nan) }
            let value = try #require(reader.statistic.aggregate(window))
            let level = reader.feelings.first { reader.comparison.holds(value, $0.threshold) }?.level ?? 0
            guard minute >= 5 || (abs(value - 25) > 0.5 && abs(value - 50) > 0.5) else { continue }
            #expect(reading["health"]?.intValue == Int64(level), "at \(seconds) s the window's mean is \(value)")
        }
    }

    @Test("without readers a metric's figures default to the Average")
    func statisticsOfAMetric() {
        let unread = MetricFigures(namespace: "AWS/RDS", name: "FreeableMemory", dimensions: [], readers: [], series: [])
        #expect(unread.statistics == [.average])
        let minute = MetricMinute(minute: 3, sampleCount: 60, sum: 900, minimum: 10, maximum: 20)
        #expect(MetricStatistic.allCases.map(minute.value) == [15, 20, 10, 900, 60])
    }
}
