import Foundation
import SoswCore
import SoswSimulation
import Testing

@Suite("The scenario engine runs every file in scenarios/")
struct ScenarioRunTests {
    /// The scenario-engine files (the kernel workload file has its own tests).
    static let engineFiles: [String] = ScenarioFiles.all.filter { name in
        if case .engine = try? ScenarioLoader().load(path: ScenarioFiles.path(name)) { return true }
        return false
    }

    static func run(_ name: String, seed: UInt64? = nil, keepsLines: Bool = false) throws -> ScenarioRun.Result {
        let scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path(name))
        return try ScenarioRun(scenario).run(seed: seed, strict: true, keepsLines: keepsLines)
    }

    @Test("every expectation of every scenario file holds", arguments: engineFiles)
    func expectationsHold(_ name: String) throws {
        let result = try Self.run(name)
        for expectation in result.expectations {
            #expect(expectation.passed, "\(name): \(expectation.name): measured \(expectation.measured); \(expectation.message)")
        }
        #expect(!result.expectations.isEmpty)
    }
}

@Suite("What a scenario run reports")
struct ScenarioRunReportingTests {
    @Test("the same seed replays the same log byte for byte; another seed differs")
    func determinism() throws {
        let first = try ScenarioRunTests.run("quickstart.yaml", keepsLines: true)
        let second = try ScenarioRunTests.run("quickstart.yaml", keepsLines: true)
        #expect(first.eventsSHA256 == second.eventsSHA256)
        #expect(try ScenarioRunTests.run("quickstart.yaml", seed: 43).eventsSHA256 != first.eventsSHA256)
    }

    @Test("the figures agree with the event log: one task.created per task, invocations, archives, contract fields")
    func figuresMatchTheLog() throws {
        let result = try ScenarioRunTests.run("expiry-and-retries.yaml", keepsLines: true)
        let lines = try EventLogLines(result)
        let labourer = try #require(result.figures.labourer("pull_hashtags"))
        #expect(lines.count("task.created") == labourer.created)
        #expect(labourer.created == 300)
        #expect(lines.count("task.invoked") == labourer.invocations)
        #expect(lines.count("task.retry_scheduled") == labourer.retries)
        #expect(lines.count("task.dead") == labourer.dead)
        #expect(lines.events.filter { $0["event"] == "task.archived" && $0["outcome"] == "completed" }.count == labourer.completed)
        #expect(labourer.completed + labourer.dead == labourer.created)
        for event in lines.events where (event["event"]?.stringValue ?? "").hasPrefix("task.") {
            #expect(event["t"]?.doubleValue != nil && event["task_id"]?.stringValue != nil)
            #expect(event["labourer_id"]?.stringValue == "pull_hashtags", "\(event.serialized())")
        }
        let attempts = lines.events.filter { $0["event"] == "task.invoked" }.compactMap { $0["attempt"]?.intValue }
        #expect(attempts.min() == 1 && attempts.max() == 3)
        #expect(lines.count("essential.started") > 0 && lines.count("worker.started") > 0)
    }

    @Test("concurrent Orchestrators never invoke the same attempt of a task twice, though their runs overlap")
    func concurrentOrchestrators() throws {
        let result = try ScenarioRunTests.run("concurrent-orchestrators.yaml", keepsLines: true)
        let lines = try EventLogLines(result)
        #expect(lines.events.contains { $0["event"] == "fault" && $0["kind"] == "essential_overlap" })
        var seen = Set<String>()
        for event in lines.events where event["event"] == "task.invoked" {
            let key = "\(event["task_id"]?.stringValue ?? "")#\(event["attempt"]?.intValue ?? 0)"
            #expect(seen.insert(key).inserted, "invoked twice: \(key)")
        }
        #expect(result.figures.duplicateInvocations == 0)
    }

    @Test("an account limit under the cap makes Lambda run some tasks twice")
    func lambdaThrottling() throws {
        let result = try ScenarioRunTests.run("lambda-throttling.yaml")
        let labourer = try #require(result.figures.labourer("crawl_pages"))
        #expect(labourer.duplicateExecutions > 0)
        #expect(try #require(result.figures.function("crawl_pages")).throttles > 0)
        #expect(labourer.peakRunning <= 10)
    }

    @Test("a wrong expectation fails with its measured value")
    func failingExpectation() throws {
        var scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("quickstart.yaml"))
        scenario.expectations = [
            .completed(labourer: "hello_worker", Bounds(atLeast: 201)),
            .allClosedBy(.seconds(60)),
            .throttles(function: "hello_worker", Bounds(atLeast: 1)),
        ]
        let result = try ScenarioRun(scenario).run(strict: true)
        #expect(result.expectations.allSatisfy { !$0.passed })
        #expect(result.expectations[0].measured == "200")
        #expect(result.expectations[0].message == "completed of hello_worker is 200; expected at least 201")
        #expect(result.expectations[1].message.contains("expected at most 1m"))
    }
}

/// The lines of a run's log kept in memory, parsed.
struct EventLogLines {
    let events: [JSONValue]

    init(_ result: ScenarioRun.Result) throws {
        events = try result.lines.map { try JSONValue(parsing: $0) }
    }

    func count(_ name: String) -> Int {
        events.filter { $0["event"]?.stringValue == name }.count
    }
}
