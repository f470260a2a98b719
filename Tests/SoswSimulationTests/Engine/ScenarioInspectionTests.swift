import SoswCore
import Synchronization
import Testing

@testable import SoswSimulation

@Suite("Inspecting a scenario's world after its run")
struct ScenarioInspectionTests {
    /// One labourer, 5 tasks of a minute each, run until drained; the metric `Test/load` is simulated.
    static let scenario = Scenario(
        name: "inspected", start: UnixTime(iso8601: "2026-01-05T00:00:00Z")!, stop: .whenDrained(atMost: .seconds(7200)),
        config: ["task_config": ["labourers": ["pull": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:pull"]]]],
        lambda: LambdaSettings(functions: [FunctionModel(name: "pull", duration: .fixed(.seconds(60)))]),
        metrics: [SimulatedMetric(namespace: "Test", name: "load", model: .constant(42))],
        load: [LoadEntry(trigger: .at(.zero), work: .tasks(TaskBatch(labourer: "pull", count: 5)))])

    @Test("the hook sees the tables, the Lambda fake, SNS, CloudWatch and the essentials at the end of the run")
    func seesTheWorld() throws {
        struct Seen: Sendable {
            var tables: [String] = []
            var closed: [DynamoItem] = []
            var queued: [DynamoItem]?
            var missing: [DynamoItem]? = []
            var pullExecutions = 0
            var notifications = 0
            var loadMinutes = 0
            var queueLength = -1
            var queries = 0
            var queriesAfter = 0
            var now = UnixTime(seconds: 0)
        }
        let seen = Mutex(Seen())
        let result = try ScenarioRun(Self.scenario).run(inspect: { inspection in
            let queries = inspection.awsCalls.first { $0.operation == "dynamodb.Query" }?.calls ?? 0
            let queueLength = try await inspection.essentials.taskManager.queueLength(labourerID: "pull")
            let tables = inspection.essentials.configuration.taskManager
            seen.withLock { seen in
                seen.tables = inspection.tableNames
                seen.closed = inspection.items(inTable: tables.closedTasksTable) ?? []
                seen.queued = inspection.items(inTable: tables.tasksTable)
                seen.missing = inspection.items(inTable: "no_such_table")
                seen.pullExecutions = inspection.lambdaStatistics(of: "pull")?.executionsStarted ?? 0
                seen.notifications = inspection.publishedNotifications.count
                seen.loadMinutes = inspection.minuteStatistics(of: MetricIdentity(namespace: "Test", metricName: "load", dimensions: [])).count
                seen.queueLength = queueLength
                seen.queries = queries
                seen.queriesAfter = inspection.awsCalls.first { $0.operation == "dynamodb.Query" }?.calls ?? 0
                seen.now = inspection.now
            }
        })
        let figures = try #require(result.figures.labourers.first { $0.id == "pull" })
        seen.withLock { seen in
            #expect(result.drained)
            #expect(seen.tables.contains("sosw_closed_tasks") && seen.tables.contains("sosw_tasks"))
            #expect(seen.closed.count == 5)
            #expect(Set(seen.closed.compactMap { $0["labourer_id"] }) == [.s("pull")])
            #expect(seen.queued == [])
            #expect(seen.missing == nil)
            #expect(seen.pullExecutions == figures.completed)
            #expect(seen.notifications == 0)
            #expect(seen.loadMinutes > 0)
            #expect(seen.queueLength == 0)
            // The run's calls, then the inspection's own query through the essentials, counted like the run's.
            #expect(seen.queries == result.figures.awsCalls.first { $0.operation == "dynamodb.Query" }?.calls)
            #expect(seen.queriesAfter == seen.queries + 1)
            #expect(seen.now == Self.scenario.start + .seconds(result.simulatedSeconds))
        }
    }

    @Test("an inspection changes nothing in the result, and what it throws comes out of the run")
    func changesNothing() throws {
        let plain = try ScenarioRun(Self.scenario).run()
        let inspected = try ScenarioRun(Self.scenario).run(inspect: { inspection in
            _ = try await inspection.essentials.taskManager.queueLength(labourerID: "pull")
        })
        #expect(inspected.eventsSHA256 == plain.eventsSHA256)
        #expect(inspected.figures.labourers == plain.figures.labourers)
        #expect(inspected.figures.awsCalls == plain.figures.awsCalls)
        struct Refused: Error {}
        #expect(throws: Refused.self) { try ScenarioRun(Self.scenario).run(inspect: { _ in throw Refused() }) }
    }
}
