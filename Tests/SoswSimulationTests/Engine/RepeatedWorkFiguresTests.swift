import SoswCore
import SoswSimulation
import Testing

@Suite("Work done more than once, and whose retry it was")
struct RepeatedWorkFiguresTests {
    /// Executions started per task id of `function`, counted from the log.
    static func executionsPerTask(_ lines: EventLogLines, function: String) -> [String: Int] {
        var executions: [String: Int] = [:]
        for event in lines.events where event["event"] == "worker.started" && event["function"]?.stringValue == function {
            if let task = event["task_id"]?.stringValue { executions[task, default: 0] += 1 }
        }
        return executions
    }

    @Test("duplicate executions count tasks run more than once; extra executions count the runs beyond the first")
    func duplicateExecutionsAreTasks() throws {
        let result = try ScenarioRunTests.run("lambda-throttling.yaml", keepsLines: true)
        let executions = Self.executionsPerTask(try EventLogLines(result), function: "crawl_pages")
        let repeated = executions.values.filter { $0 > 1 }
        let labourer = try #require(result.figures.labourer("crawl_pages"))
        #expect(!repeated.isEmpty)
        #expect(labourer.duplicateExecutions == repeated.count)
        #expect(labourer.extraExecutions == repeated.reduce(0) { $0 + $1 - 1 })
        #expect(labourer.duplicateExecutions <= labourer.created)
    }

    @Test("Lambda's own retries of failed events are counted apart from sosw's retries")
    func lambdaRetriesApart() throws {
        var scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("expiry-and-retries.yaml"))
        let index = try #require(scenario.lambda.functions.firstIndex { $0.name == "pull_hashtags" })
        scenario.lambda.functions[index].maxRetryAttempts = 2
        let result = try ScenarioRun(scenario).run(strict: true, keepsLines: true)
        let lines = try EventLogLines(result)
        let lambdaRetries = lines.events.filter {
            $0["event"] == "lambda.retry_scheduled" && $0["function"]?.stringValue == "pull_hashtags"
        }.count
        let labourer = try #require(result.figures.labourer("pull_hashtags"))
        #expect(lambdaRetries > 0)
        #expect(labourer.lambdaAsyncRetries == lambdaRetries)
        #expect(try #require(result.figures.function("pull_hashtags")).lambdaAsyncRetries == lambdaRetries)
        #expect(labourer.retries == lines.count("task.retry_scheduled"))
        // Without Lambda's retries the same scenario has none to count.
        let plain = try ScenarioRunTests.run("expiry-and-retries.yaml")
        #expect(try #require(plain.figures.labourer("pull_hashtags")).lambdaAsyncRetries == 0)
    }
}
