import SoswCore
import SoswSimulation
import Testing

@Suite struct WorkerAssistantTests {
    @Test func completionRecordsTimeStatsAndResultsAsPythonWorkersSendThem() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            try await harness.advance(.seconds(30))
            let outcome = try await harness.workerAssistant().handle(event: [
                "actions": ["mark_task_as_completed"], "task_id": .string(task.taskID),
                "stats": #"{"rows": 12, "ok": "true"}"#, "result": ["summary": ["k": "v"]],
            ])
            #expect(outcome == .recorded)
            let stored = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(stored["completed_at"]?.number == simulationStart.wholeSeconds + 30)
            #expect(stored["stat_rows"] == 12)
            #expect(stored["stat_ok"] == .bool(true))
            #expect(stored["result_summary"] == .m(["k": "v"]))
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_failed", "task_id": .string(task.taskID)])
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_failed", "task_id": .string(task.taskID)])
            #expect(try await harness.item(task.taskID, in: "sosw_tasks")?["failed_attempts"] == 2)
        }
    }

    @Test func aLateOrUnknownCompletionCreatesNoOrphanAndIsCountedAndLogged() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let assistant = harness.workerAssistant()
            let outcome = try await assistant.handle(event: ["action": "mark_task_as_completed", "task_id": "gone"])
            #expect(outcome == .unknownTask)
            #expect(try await harness.items(in: "sosw_tasks").isEmpty)
            #expect(assistant.stats["reports_for_unknown_tasks"] == 1)
            #expect(harness.logs.all.contains { $0.contains("task gone") && $0.contains("nothing written") })
        }
    }

    @Test func rejectsWhatSoswRejects() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let assistant = harness.workerAssistant()
            await #expect(throws: WorkerAssistantError.unsupportedAction("mark_task_as_done")) {
                _ = try await assistant.handle(event: ["action": "mark_task_as_done", "task_id": "t"])
            }
            await #expect(throws: WorkerAssistantError.missingTaskID(action: .markTaskAsCompleted)) {
                _ = try await assistant.handle(event: ["action": "mark_task_as_completed"])
            }
            await #expect(throws: WorkerAssistantError.missingAction) {
                _ = try await assistant.handle(event: ["task_id": "t"])
            }
        }
    }

    @Test func aSwiftWorkerReportsLikeAPythonWorker() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let worker = Worker(lambda: harness.lambda)
            try await worker.handle(event: ["task_id": "t1", "words": ["a"]]) { event in
                #expect(event["words"] == ["a"])
                return Worker.Report(stats: ["rows": 3])
            }
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await worker.handle(event: ["task_id": "t2"]) { _ in throw Boom() }
            }
            try await worker.handle(event: ["no_task": true]) { _ in Worker.Report() }
            let sent = harness.lambda.invocations
            #expect(sent.map(\.functionName) == ["sosw_worker_assistant", "sosw_worker_assistant"])
            #expect(sent.allSatisfy { $0.invocationType == .event })
            #expect(sent[0].payload == ["action": "mark_task_as_completed", "task_id": "t1", "stats": ["rows": 3]])
            #expect(sent[1].payload == ["action": "mark_task_as_failed", "task_id": "t2"])
            // What it sends is what the WorkerAssistant accepts.
            #expect(try WorkerAssistantRequest(event: sent[0].payload).stats == ["rows": 3])
        }
    }
}
