import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Scenario files in scenarios/")
struct ScenarioFileTests {
    let loader = ScenarioLoader()

    @Test("the engine scenarios and the kernel workload are there")
    func inventory() {
        #expect(ScenarioFiles.all == [
            "concurrent-orchestrators.yaml", "expiry-and-retries.yaml", "health-throttle.yaml", "kernel-contention.yaml",
            "lambda-throttling.yaml", "meta-audit-trail.yaml", "provisioned-scheduler.yaml", "quickstart.yaml",
            "scheduler-tutorial.yaml", "steady-drain.yaml",
        ])
    }

    @Test("every scenario file loads, with a description and expectations", arguments: ScenarioFiles.all)
    func loads(name: String) throws {
        let loaded = try loader.load(path: ScenarioFiles.path(name))
        #expect(loaded.name + ".yaml" == name, "a scenario's name matches its file name")
        switch loaded {
        case .kernel(let scenario):
            #expect(name == "kernel-contention.yaml")
            #expect(!scenario.description.isEmpty)
        case .engine(let scenario):
            #expect(scenario.description.count > 100, "a description a reader learns from")
            #expect(!scenario.expectations.isEmpty)
            let timedJobs = scenario.essentials.filter { $0.job != nil }
            #expect(!scenario.load.isEmpty || !timedJobs.isEmpty, "work comes from load entries or a timed Scheduler job")
        }
    }

    @Test("quickstart is a scenario-engine file; the kernel workload lives on as kernel-contention")
    func quickstartForm() throws {
        guard case .engine(let quickstart) = try loader.load(path: ScenarioFiles.path("quickstart.yaml")) else {
            Issue.record("quickstart.yaml must be a scenario-engine file")
            return
        }
        #expect(quickstart.stop == .whenDrained(atMost: .seconds(7200)))
        #expect(quickstart.lambda.functions.map(\.name) == ["hello_worker"])
        guard case .kernel(let kernel) = try loader.load(path: ScenarioFiles.path("kernel-contention.yaml")) else {
            Issue.record("kernel-contention.yaml must be a kernel-workload file")
            return
        }
        #expect(kernel.workload.workers == 3)
        #expect(kernel.workload.iterations == 1000)
    }

    @Test("steady-drain queues 10,000 tasks")
    func steadyDrain() throws {
        let scenario = try loader.scenario(path: ScenarioFiles.path("steady-drain.yaml"))
        #expect(scenario.load == [
            LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "backfill", count: 10_000, payload: ["source": "archive"]))),
        ])
    }

    @Test("the scheduler tutorial's job chunks into 3 topics × 6 words × 2 days = 36 tasks")
    func schedulerTutorial() throws {
        let scenario = try loader.scenario(path: ScenarioFiles.path("scheduler-tutorial.yaml"))
        guard case .job(let job) = try #require(scenario.load.first).work else {
            Issue.record("the tutorial's load is a Scheduler job")
            return
        }
        let parsed = try SchedulerJob(event: job)
        let scheduler = try SchedulerConfig(document: SoswDefaults.scheduler.deepMerged(with: scenario.config))
        let chunker = JobChunker(
            attributes: try scheduler.jobSchema(named: parsed.schemaName).chunkableAttributes, periods: try PeriodResolver())
        let tasks = try chunker.tasks(for: parsed.body, labourerID: parsed.labourerID, today: CivilDate(scenario.start))
        #expect(tasks.count == 36)
        #expect(Set(tasks.compactMap { $0["date_list"]?.arrayValue?.first?.stringValue }) == ["2026-01-03", "2026-01-04"])
        #expect(Set(tasks.compactMap { $0["words"]?.arrayValue?.first?.stringValue }).count == 18)
        #expect(tasks.allSatisfy { $0["labourer_id"] == "sosw_tutorial_pull_tweeter_hashtags" })
    }

    @Test("health-throttle's metric reacts to its worker and matches the labourer's health metric")
    func healthThrottle() throws {
        let scenario = try loader.scenario(path: ScenarioFiles.path("health-throttle.yaml"))
        let metric = try #require(scenario.metrics.first)
        #expect(metric.dimensions == [MetricDimension(name: "DBInstanceIdentifier", value: "main")])
        #expect(metric.model == .reactive(ReactiveMetric(
            base: 10, perRunning: ["pull_hashtags": 1.5], lag: .seconds(120), noise: 2)))
        #expect(scenario.config["task_config"]?["labourers"]?["pull_hashtags"]?["health_metrics"]?["db_cpu"]?["feelings"]
            == ["3": 50, "4": 25])
    }

    @Test("concurrent-orchestrators places the index lag on the tasks table")
    func concurrentOrchestrators() throws {
        let scenario = try loader.scenario(path: ScenarioFiles.path("concurrent-orchestrators.yaml"))
        #expect(scenario.faults == [
            .essential(EssentialFault(essential: .orchestrator, overlap: 0.3)),
            .dynamoDBIndexLag(IndexLag(table: "sosw_tasks", index: "sosw_tasks_greenfield",
                                       lag: .lognormal(median: .milliseconds(200), p99: .seconds(2)))),
        ])
        #expect(scenario.schedule(of: .orchestrator) == EssentialSchedule(essential: .orchestrator, every: .seconds(60), jitter: .seconds(5)))
    }
}
