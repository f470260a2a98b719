import Foundation
import SoswCore
import Testing

/// The Swift essentials and Python sosw 0.7.51 on the same tables, no conversion in between, both ways:
/// Python creates → Swift orchestrates → Python's WorkerAssistant completes → Swift archives → Python reads
/// the closed rows; Swift's Scheduler creates → Python's Orchestrator invokes. Python runs through
/// Tests/python/sosw_interop.py in the sosw 0.7.51 virtualenv (SOSW_PYTHON_SOSW, set by scripts/test).
@Suite(
    .enabled(if: LiveDeployment.isAvailable, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"),
    .enabled(if: ProcessInfo.processInfo.environment["SOSW_PYTHON_SOSW"] != nil, "needs SOSW_PYTHON_SOSW (scripts/test sets it)"))
struct InteropTests {
    @Test func pythonCreatesSwiftOrchestratesPythonCompletesSwiftArchivesPythonReads() async throws {
        let deployment = try LiveDeployment("interop_py")
        _ = try deployment.python("create-tables")
        try deployment.createFunction()
        let created = try deployment.python("create-tasks", [
            "--labourer", deployment.labourer, "--count", "4",
            "--payload", #"{"date_list": ["2026-12-01"], "products": ["a", "b"]}"#,
        ])
        let ids = (created["task_ids"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(ids.count == 4)

        #expect(try deployment.essential("orchestrator")["report"]?["invoked"] == 4)
        let invoked = try await deployment.scan(deployment.tasksTable)
        #expect(invoked.compactMap(\.attempts) == [1, 1, 1, 1])

        for id in ids {
            let completed = try deployment.python("complete", ["--task-id", id, "--stats", #"{"rows": 2}"#])
            #expect(completed["task"]?["completed_at"] != nil)
        }
        #expect(try deployment.essential("scavenger")["report"]?["archived"] == 4)

        let closed = try deployment.python("read-closed", ["--labourer", deployment.labourer])
        #expect(Set(closed["completed_task_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(ids))
        for task in closed["tasks"]?.arrayValue ?? [] {
            #expect(task["closed_status"] == "completed")
            #expect(task["in_tasks_table"] == false)
            #expect(task["attempts"] == 1)
            #expect(task["payload_format"] == "json", "the Swift Scavenger keeps the payload JSON, which Python decodes")
            #expect(task["payload_value"]?["date_list"] == ["2026-12-01"])
        }
    }

    @Test func swiftSchedulesPythonOrchestrates() async throws {
        let deployment = try LiveDeployment("interop_swift")
        let tables = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
        #expect(tables.status == 0, "\(tables.stderr)")
        try deployment.createFunction()
        let job = #"{"lambda_name": "\#(deployment.labourer)", "period": "last_3_days", "isolate_days": true}"#
        #expect(try deployment.essential("scheduler", ["--job", job])["report"]?["written"] == 3)

        let queued = try deployment.python("read-tasks", ["--labourer", deployment.labourer])
        #expect(queued["queue_length"] == 3)
        let run = try deployment.python("orchestrate")
        let events = run["invocations"]?.arrayValue?.compactMap { $0["event"] } ?? []
        #expect(events.count == 3)
        for event in events {
            #expect(event["labourer_id"] == .string(deployment.labourer))
            #expect(event["attempts"] == 0)
            #expect(event["date_list"]?.arrayValue?.count == 1, "one day per task: \(event)")
        }
        let invoked = try await deployment.scan(deployment.tasksTable)
        #expect(invoked.compactMap(\.attempts) == [1, 1, 1], "Python claimed the Swift-created tasks")
    }
}
