import SoswCore

/// Draws a random but valid scenario from a seed, for `sosw explore`: one to three labourers with their caps,
/// durations, attempts and Lambda functions (failure and hang mixes, retries, reserved concurrency), sometimes
/// a health metric fed by the workers' load, a load of tasks at once, repeated or at a rate, the essentials'
/// schedules, and each fault point on or off (decided by the seed, BUGGIFY-style), firing with a drawn
/// probability. The same seed always draws the same scenario.
///
/// The draw is written as scenario YAML and loaded back through ``ScenarioLoader``, so an explored scenario
/// has passed the same validation as a file, and the text saved for a failing seed replays it.
public enum ScenarioGenerator {
    /// Every explored run starts here (a Monday, 02:00 UTC).
    public static let start = UnixTime(seconds: 1_767_578_400)
    /// Each fault point is on in about this share of the seeds.
    public static let faultShare = 0.25

    /// The longest a late-delivery fault holds an event back.
    static let latestDelivery: Duration = .seconds(60)

    /// How long a worker's event can keep an execution of it going: a late first delivery, then every
    /// attempt Lambda makes (each up to the Timeout, retries about 1 and 2 minutes after a failure). sosw
    /// needs its labourer's `duration` to cover this (its expiry window), else it re-invokes a task whose
    /// worker is still running and the cap no longer bounds the executions; a drawn labourer is configured
    /// as sosw asks.
    static func runningWindow(timeout: Duration, lambdaRetries: Int) -> Duration {
        latestDelivery + timeout * (lambdaRetries + 1) + .seconds(180) * lambdaRetries
    }

    /// The scenario of `seed`, named `explore-<seed>`, and its YAML text.
    public static func draw(seed: UInt64) throws -> (scenario: Scenario, yaml: String) {
        let drawn = Draw(random: SeededRandom(seed: seed).stream("explore/scenario")).scenario(seed: seed)
        let yaml = try ScenarioWriter.yaml(drawn)
        return (try ScenarioLoader().scenario(yaml: yaml, file: "explore-\(seed).yaml"), yaml)
    }

    /// The draws of one scenario, in a fixed order.
    private struct Draw {
        let random: SeededRandom

        func scenario(seed: UInt64) -> Scenario {
            let labourers = (1...pick([1, 1, 1, 2, 2, 3])).map { "worker_\($0)" }
            var config: [String: JSONValue] = [:]
            var functions: [FunctionModel] = []
            var metrics: [SimulatedMetric] = []
            var load: [LoadEntry] = []
            let accountConcurrency = chance(0.2) ? integer(5...40) : 1000
            var reservable = accountConcurrency
            for labourer in labourers {
                let timeout = Duration.seconds(pick([30, 60, 120, 300, 600, 900]))
                let lambdaRetries = integer(0...2)
                var settings: [String: JSONValue] = [
                    "arn": .string("arn:aws:lambda:us-west-2:000000000000:function:\(labourer)"),
                    "max_simultaneous_invocations": .int(Int64(integer(1...25))),
                    "max_attempts": .int(Int64(integer(1...4))),
                    "duration": .int(ScenarioGenerator.runningWindow(timeout: timeout, lambdaRetries: lambdaRetries).components.seconds
                        + pick([0, 60, 300])),
                    "cooldown": .int(pick([0, 30, 60, 120])),
                ]
                if chance(0.7) { settings["max_duration"] = .int(timeout.components.seconds) }
                if chance(0.3) {
                    let metric = SimulatedMetric(
                        namespace: "Explore/Load", name: "Pressure", dimensions: [MetricDimension(name: "Labourer", value: labourer)],
                        model: .reactive(ReactiveMetric(
                            base: Double(integer(0...30)), perRunning: [labourer: Double(integer(1...10))],
                            lag: .seconds(pick([0, 60, 120])), noise: Double(integer(0...3)))))
                    metrics.append(metric)
                    settings["health_metrics"] = .object(["pressure": .object([
                        "details": .object([
                            "Namespace": .string(metric.namespace), "MetricName": .string(metric.name), "Period": .int(60),
                            "Statistics": .array([.string("Average")]),
                            "Dimensions": .array([.object(["Name": .string("Labourer"), "Value": .string(labourer)])]),
                        ]),
                        "feelings": .object(["3": .int(Int64(integer(40...70))), "4": .int(Int64(integer(10...39)))]),
                        "feeling_comparison_operator": .string("<="),
                    ])])
                }
                config[labourer] = .object(settings)
                functions.append(function(labourer, timeout: timeout, lambdaRetries: lambdaRetries, reservable: &reservable))
                for _ in 1...pick([1, 1, 2]) { load.append(loadEntry(labourer)) }
            }
            return Scenario(
                name: "explore-\(seed)",
                description: "Drawn by sosw explore from seed \(seed).",
                seed: seed, start: ScenarioGenerator.start, stop: .whenDrained(atMost: .seconds(86_400)),
                essentials: essentials(), config: .object(["task_config": .object(["labourers": .object(config)])]),
                lambda: LambdaSettings(accountConcurrency: accountConcurrency, functions: functions),
                metrics: metrics, load: load,
                latency: ServiceLatency(dynamodb: chance(0.3) ? .lognormal(median: .milliseconds(5), p99: .milliseconds(integer(20...200))) : ServiceLatency.defaultDynamoDB),
                faults: faults(labourers: labourers, healthMetrics: !metrics.isEmpty))
        }

        /// The labourer's function; a reserved concurrency is taken out of `reservable`, the account's
        /// concurrency not yet reserved.
        private func function(_ name: String, timeout: Duration, lambdaRetries: Int, reservable: inout Int) -> FunctionModel {
            var reserved: Int?
            if chance(0.2), reservable > 0 {
                reserved = integer(1...min(20, reservable))
                reservable -= reserved!
            }
            let median = Duration.milliseconds(integer(1_000...Int(timeout.components.seconds) * 400))
            let fail = pick([0, 0, 0.05, 0.2])
            let hang = pick([0, 0, 0.05])
            return FunctionModel(
                name: name, timeout: timeout, duration: .lognormal(median: median, p99: median * pick([2, 3, 5])),
                outcomes: WorkerOutcomes(complete: ((1 - fail - hang) * 1000).rounded() / 1000, fail: fail, hang: hang),
                outcomeScope: chance(0.5) ? .task : .invocation, maxRetryAttempts: lambdaRetries,
                maxEventAge: chance(0.2) ? .seconds(pick([60, 600, 3600])) : FunctionModel.maximumEventAge,
                reservedConcurrency: reserved)
        }

        private func loadEntry(_ labourer: String) -> LoadEntry {
            let payload = JSONValue.object(["source": .string("explore")])
            switch integer(0...3) {
            case 0, 1:
                return LoadEntry(
                    trigger: .at(.seconds(pick([0, 0, 60, 600, 1800]))),
                    work: .tasks(TaskBatch(labourer: labourer, count: integer(1...60), payload: payload)))
            case 2:
                let every = Duration.seconds(pick([600, 1200, 3600]))
                return LoadEntry(
                    trigger: .every(every, from: .zero, until: every * integer(1...3)),
                    work: .tasks(TaskBatch(labourer: labourer, count: integer(1...20), payload: payload)))
            default:
                return LoadEntry(
                    trigger: .at(.seconds(pick([0, 300]))),
                    work: .rate(RateLoad(
                        labourer: labourer, perMinute: .constant(Double(integer(1...6))),
                        over: .seconds(pick([300, 600, 1200])), payload: payload)))
            }
        }

        private func essentials() -> [EssentialSchedule] {
            let orchestratorEvery = Duration.seconds(pick([30, 60, 120]))
            let scavengerEvery = Duration.seconds(pick([30, 60, 120]))
            return [
                EssentialSchedule(
                    essential: .orchestrator, every: orchestratorEvery,
                    jitter: chance(0.3) ? .seconds(integer(1...Int(orchestratorEvery.components.seconds) / 4)) : .zero),
                EssentialSchedule(
                    essential: .scavenger, every: scavengerEvery,
                    offset: .seconds(integer(0...Int(scavengerEvery.components.seconds) - 1))),
            ]
        }

        /// Each fault point on or off, then its parameters.
        private func faults(labourers: [String], healthMetrics: Bool) -> [Fault] {
            var faults: [Fault] = []
            if on() {
                faults.append(.dynamoDBThrottle(DynamoDBThrottle(
                    table: "sosw_tasks", from: .seconds(integer(0...3600)), duration: .seconds(integer(60...1800)),
                    probability: probability(0.05...0.5), kind: chance(0.5) ? .throttling : .provisionedThroughputExceeded)))
            }
            if on() {
                faults.append(.dynamoDBIndexLag(IndexLag(
                    table: "sosw_tasks", index: "sosw_tasks_greenfield",
                    lag: .lognormal(median: .milliseconds(integer(10...500)), p99: .milliseconds(integer(1_000...5_000))))))
            }
            if on() { faults.append(.dynamoDBLatencySpike(ChanceOfDelay(probability: probability(0.01...0.2), delay: .milliseconds(integer(100...5_000))))) }
            if on() { faults.append(.dynamoDBInternalError(probability: probability(0.001...0.05))) }
            if on() { faults.append(.dynamoDBConditionalRace(ChanceOfDelay(probability: probability(0.05...0.5), delay: .milliseconds(integer(10...3_000))))) }
            if on() { faults.append(.lambdaDuplicateDelivery(probability: probability(0.01...0.3))) }
            if on() { faults.append(.lambdaTooManyRequests(probability: probability(0.01...0.2))) }
            if on() { faults.append(.lambdaLateDelivery(ChanceOfDelay(probability: probability(0.01...0.3), delay: .milliseconds(integer(1_000...Int(ScenarioGenerator.latestDelivery.components.seconds) * 1000))))) }
            if on() { faults.append(.lambdaTimeout(probability: probability(0.001...0.05))) }
            if on() { faults.append(.lambdaLostEvent(probability: probability(0.001...0.02))) }
            if healthMetrics, on() { faults.append(.cloudWatchMissingDatapoints(probability: probability(0.05...0.5))) }
            if healthMetrics, on() { faults.append(.cloudWatchDelayedDatapoints(ChanceOfDelay(probability: probability(0.1...0.8), delay: .seconds(integer(60...600))))) }
            if on() { faults.append(.snsPublishFailure(probability: probability(0.05...0.5))) }
            for essential in [Essential.orchestrator, .scavenger] {
                let overlap = on() ? probability(0.05...0.5) : 0
                let crash = on() ? probability(0.05...0.3) : 0
                if overlap > 0 || crash > 0 { faults.append(.essential(EssentialFault(essential: essential, overlap: overlap, crash: crash))) }
            }
            return faults
        }

        // MARK: Draws

        private func on() -> Bool { chance(ScenarioGenerator.faultShare) }

        private func chance(_ p: Double) -> Bool { random.bernoulli(p) }

        private func integer(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(random.integer(below: UInt64(range.upperBound - range.lowerBound + 1)))
        }

        private func pick<Value>(_ values: [Value]) -> Value {
            values[integer(0...values.count - 1)]
        }

        /// A probability in `range`, to three decimals (so that the YAML text is short and exact).
        private func probability(_ range: ClosedRange<Double>) -> Double {
            (random.uniform(in: range.lowerBound..<range.upperBound) * 1000).rounded() / 1000
        }
    }
}
