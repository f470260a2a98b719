import SoswCore
import SoswSimulation
import Testing

@Suite("The names of a run's events")
struct RunEventTests {
    /// The names readers of `events.jsonl` depend on; a change here breaks every script written against the log.
    static let contract = [
        "task.created", "task.invoked", "task.completed", "task.expired", "task.retry_scheduled", "task.requeued",
        "task.dead", "task.archived", "worker.started", "worker.finished", "lambda.throttled",
        "lambda.retry_scheduled", "lambda.duplicate_delivery", "lambda.event_dropped", "essential.started",
        "essential.finished", "orchestrator.labourer", "load.job", "load.tasks", "load.failed", "fault",
        "sns.published",
    ]

    @Test("every contract name has its case, and no other name exists")
    func contractNames() {
        #expect(RunEvent.allCases.map(\.rawValue).sorted() == Self.contract.sorted())
    }

    @Test("every event a scenario run writes is a RunEvent", arguments: ScenarioRunTests.engineFiles)
    func everyEventIsNamed(_ name: String) throws {
        let lines = try EventLogLines(try ScenarioRunTests.run(name, keepsLines: true))
        for event in lines.events {
            let name = event["event"]?.stringValue ?? ""
            #expect(RunEvent(rawValue: name) != nil, "\(name) is not a RunEvent")
        }
    }
}
