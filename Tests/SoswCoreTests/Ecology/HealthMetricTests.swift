import Testing
@testable import SoswCore

@Suite struct HealthMetricTests {
    func metric(_ op: String, _ feelings: JSONValue, missing: String? = nil) throws -> HealthMetric {
        var object: [String: JSONValue] = [
            "details": ["Namespace": "AWS/RDS", "MetricName": "CPUUtilization"],
            "feelings": feelings, "feeling_comparison_operator": .string(op),
        ]
        if let missing { object["on_missing_data"] = .string(missing) }
        return try HealthMetric(name: "cpu", config: ConfigNode(.object(object), path: "health_metrics.cpu"))
    }

    /// sosw's test_ecology: with `__le__` and {3: 50, 4: 25}, 25 → 4, 25.000001 → 3, 51 → 0.
    @Test(arguments: ["__le__", "le", "<="])
    func lessOrEqualThresholds(op: String) throws {
        let cpu = try metric(op, ["3": 50, "4": 25])
        #expect(cpu.status(for: 25) == .high)
        #expect(cpu.status(for: 25.000001) == .good)
        #expect(cpu.status(for: 50) == .good)
        #expect(cpu.status(for: 51) == .bad)
    }

    @Test(arguments: [("lt", FeelingComparison.lessThan), ("__lt__", .lessThan), ("<", .lessThan),
                      ("ge", .greaterThanOrEqual), ("__ge__", .greaterThanOrEqual), (">=", .greaterThanOrEqual),
                      ("gt", .greaterThan), ("__gt__", .greaterThan), (">", .greaterThan),
                      ("le", .lessThanOrEqual), ("__le__", .lessThanOrEqual), ("<=", .lessThanOrEqual)])
    func everyOperatorSpellingIsAccepted(name: String, expected: FeelingComparison) {
        #expect(FeelingComparison(configName: name) == expected)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): higher-is-better metrics (`>=`) pass the ordering check.
    @Test func higherIsBetterMetricsWork() throws {
        let freeMemory = try metric("__ge__", ["2": 20, "3": 50, "4": 80])
        #expect(freeMemory.status(for: 95) == .high)
        #expect(freeMemory.status(for: 80) == .high)
        #expect(freeMemory.status(for: 60) == .good)
        #expect(freeMemory.status(for: 20) == .moderate)
        #expect(freeMemory.status(for: 5) == .bad)
        let strict = try metric(">", ["3": 50, "4": 80])
        #expect(strict.status(for: 80) == .good)
    }

    @Test func invalidOrderingIsRejectedAtParseTime() {
        // Under <=, the better status (4) must have the smaller threshold.
        #expect(throws: ConfigError.self) { try metric("<=", ["3": 25, "4": 50]) }
        #expect(throws: ConfigError.self) { try metric(">=", ["3": 80, "4": 50]) }
    }

    @Test func unknownOperatorNamesThePathAndTheAcceptedNames() {
        #expect(throws: ConfigError(path: "health_metrics.cpu.feeling_comparison_operator", value: "eq",
                                    expectation: "one of <=, <, >=, > or __le__, le, __lt__, lt, __ge__, ge, __gt__, gt")) {
            try metric("eq", ["4": 1])
        }
        #expect(throws: ConfigError.self) { try metric("<=", ["9": 1]) }
        #expect(throws: ConfigError.self) { try metric("<=", ["4": 1], missing: "sometimes") }
    }

    @Test func missingDataPolicyDefaultsToBad() throws {
        #expect(try metric("<=", ["4": 1]).onMissingData == .bad)
        #expect(try metric("<=", ["4": 1], missing: "last_known").onMissingData == .lastKnown)
        #expect(MissingDataPolicy.bad.resolve(lastKnown: 3) == .forcedStatus(.bad))
        #expect(MissingDataPolicy.ignore.resolve(lastKnown: 3) == .ignored)
        #expect(MissingDataPolicy.lastKnown.resolve(lastKnown: 3) == .value(3))
        #expect(MissingDataPolicy.lastKnown.resolve(lastKnown: nil) == .forcedStatus(.bad))
    }

    @Test func worstStatusWinsAndNoMetricsMeansHigh() throws {
        let cpu = try metric("<=", ["3": 50, "4": 25])
        var memory = try metric(">=", ["3": 50, "4": 80])
        memory.name = "memory"
        #expect(LabourerHealth.status(of: [], reading: { _ in .value(0) }) == .high)
        let readings: [String: MetricReading] = ["cpu": .value(10), "memory": .value(60)]
        #expect(LabourerHealth.status(of: [cpu, memory], reading: { readings[$0.name]! }) == .good)
        // A missing metric under `ignore` leaves the decision to the others; under `bad` it wins.
        #expect(LabourerHealth.status(of: [cpu, memory], reading: { $0.name == "cpu" ? .ignored : .value(90) }) == .high)
        #expect(LabourerHealth.status(of: [cpu, memory], reading: { $0.name == "cpu" ? .forcedStatus(.bad) : .value(90) }) == .bad)
    }

    @Test func aggregationPerStatistic() {
        #expect(MetricStatistic.average.aggregate([1, 2, 6]) == 3)
        #expect(MetricStatistic.maximum.aggregate([1, 7, 6]) == 7)
        #expect(MetricStatistic.minimum.aggregate([4, 2, 6]) == 2)
        #expect(MetricStatistic.sum.aggregate([1, 2, 6]) == 9)
        #expect(MetricStatistic.sampleCount.aggregate([10, 20]) == 30)
        #expect(MetricStatistic.average.aggregate([]) == nil)
    }

    /// sosw's test_ecology: the window is MetricAggregationTimeSlice (300 s by default) ending now, defaults filled.
    @Test func queryWindowAndDefaults() throws {
        let cpu = try metric("<=", ["4": 25])
        let now = UnixTime(seconds: 1_000_000)
        let query = try cpu.query(now: now)
        #expect(query.startTime == UnixTime(seconds: 1_000_000 - 300))
        #expect(query.endTime == now)
        #expect(query.statistic == .average)
        #expect(query.parameters["Period"] == 60)
        #expect(query.parameters["MetricAggregationTimeSlice"] == nil)
        #expect(query.cacheKey == #"{"MetricName":"CPUUtilization","Namespace":"AWS/RDS"}"#)
    }

    @Test func nameIsAcceptedForMetricNameAndStatisticsAreChecked() throws {
        let aliased = HealthMetric(name: "m", details: ["Name": "Errors", "Statistics": ["Sum"], "MetricAggregationTimeSlice": 60],
                                   feelings: [.high: 0], comparison: .lessThanOrEqual)
        let query = try aliased.query(now: UnixTime(seconds: 100))
        #expect(query.parameters["MetricName"] == "Errors")
        #expect(query.parameters["Name"] == nil)
        #expect(query.statistic == .sum)
        #expect(query.startTime == UnixTime(seconds: 40))
        let twoStatistics = HealthMetric(name: "m", details: ["Statistics": ["Sum", "Average"]], feelings: [.high: 0],
                                         comparison: .lessThanOrEqual)
        #expect(throws: ConfigError.self) { try twoStatistics.query(now: UnixTime(seconds: 100)) }
    }
}
