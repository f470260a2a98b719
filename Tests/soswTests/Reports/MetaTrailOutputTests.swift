import Foundation
import SoswCore
import SoswReports
import SoswSimulation
import Testing

@Suite("The audit trail of a simulated run: meta table, counted calls, meta.csv and summary.md")
struct MetaTrailOutputTests {
    static let scenarioPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Reports, soswTests, Tests, <root>
        return url.appendingPathComponent("scenarios/meta-audit-trail.yaml").path
    }()

    @Test("every move is a row, every row a counted PutItem, and one task's history reads in order")
    func theScenarioLeavesItsTrail() throws {
        let scenario = try ScenarioLoader().scenario(path: Self.scenarioPath)
        let result = try ScenarioRun(scenario).run(strict: true)
        let items = try #require(result.metaTrail)
        let trail = RunMetaTrail(items: items)
        #expect(trail.rows.count == items.count)
        #expect(result.figures.awsCalls.first { $0.operation == "dynamodb.PutItem" }?.calls == items.count)
        // Every task the Scheduler created has its `created` row first and ends archived (completed or dead).
        for (_, rows) in Dictionary(grouping: trail.rows, by: \.taskID) {
            #expect(rows.first?.action == "created")
            #expect(rows.first?.author == "sosw_scheduler")
            #expect(["archived", "archived_dead"].contains(rows.last?.action ?? ""))
            #expect(rows.filter { $0.action == "invoked" }.allSatisfy { $0.author == "sosw_orchestrator" })
        }
        // The workers report too, under their own function's name.
        #expect(trail.rows.filter { $0.action == "completed" }.allSatisfy { $0.author == "audited_worker" })
        #expect(trail.rows.filter { $0.action == "completed" }.count == trail.rows.filter { $0.action == "marked_as_completed" }.count)
        let telling = try #require(trail.telling)
        #expect(telling.rows.map(\.action) == [
            "created", "invoked", "scheduled_for_retry", "ready_for_retry", "invoked", "archived_dead",
        ])
        #expect(trail.csv.header == ["task_id", "created_at", "action", "labourer_id", "author"])
        let section = trail.markdown(start: scenario.start)
        #expect(section.contains("The history of task `\(telling.taskID)`"))
        #expect(section.contains("| 5m 30s | scheduled_for_retry | audited_worker | sosw_scavenger |"))
    }

    @Test("a run without meta_handler_config has no meta table and writes no meta.csv")
    func noTrailWithoutTheKey() throws {
        let scenario = try ScenarioLoader().scenario(yaml: """
            name: no-trail
            start: 2026-01-05T02:00:00Z
            stop: {when: drained, at_most: 1h}
            config:
              task_config:
                labourers:
                  worker: {arn: "arn:aws:lambda:us-west-2:000000000000:function:worker"}
            lambda:
              functions:
                worker: {duration: {fixed: 10s}}
            load:
              - {at: 0s, tasks: {labourer: worker, count: 2}}
            """, file: "no-trail.yaml")
        let result = try ScenarioRun(scenario).run()
        #expect(result.metaTrail == nil)
        #expect(result.figures.awsCalls.first { $0.operation == "dynamodb.PutItem" } == nil)
    }
}
