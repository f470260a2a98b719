import SoswCore
import SoswSimulation
import Testing

/// Tables shared with Python sosw 0.7: items in the shapes sosw 0.7.x writes, written by "the other side".
@Suite struct CompatibilityTests {
    @Test func tasksWrittenByPythonSoswAreInvokedCompletedAndArchived() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            // As Python's create_task writes them: uuid1().hex ids, float created_at, json.dumps payloads.
            for (index, id) in ["9f1c2e7a0c1d11ef8a2b0242ac120002", "9f1c2e7b0c1d11ef8a2b0242ac120002"].enumerated() {
                try await harness.put([
                    "task_id": .s(id), "labourer_id": "worker_a",
                    "created_at": .n(try DynamoNumber(parsing: "1767578000.123456")),
                    "greenfield": .n(DynamoNumber(Int64(2000 + 1000 * index))), "attempts": 0,
                    "payload": .s(#"{"topics": ["cars"], "date_list": ["2026-01-04"], "caf\u00e9": 1}"#),
                ])
            }
            _ = await (try harness.orchestrator()).run()
            let events = harness.lambda.invocations.map(\.payload)
            #expect(events.count == 2)
            #expect(events.first == [
                "topics": ["cars"], "date_list": ["2026-01-04"], "café": 1,
                "task_id": "9f1c2e7a0c1d11ef8a2b0242ac120002", "labourer_id": "worker_a",
                "created_at": 1_767_578_000.123456, "greenfield": 2000, "attempts": 0,
            ])
            // A Python worker reports, with stats as a JSON string.
            _ = try await harness.workerAssistant().handle(event: [
                "action": "mark_task_as_completed", "task_id": "9f1c2e7a0c1d11ef8a2b0242ac120002",
                "stats": #"{"processed": 10}"#,
            ])
            let (scavenger, _) = try harness.scavenger()
            #expect(await scavenger.run().labourers.first?.archived == 1)
            let closed = try #require(try await harness.item("9f1c2e7a0c1d11ef8a2b0242ac120002", in: "sosw_closed_tasks"))
            #expect(closed["stat_processed"] == 10)
            #expect(closed["created_at"] == .n(try DynamoNumber(parsing: "1767578000.123456")))
            #expect(closed["payload"] == .s(#"{"caf\u00e9": 1, "date_list": ["2026-01-04"], "topics": ["cars"]}"#))
        }
    }

    /// What a Python sosw reading our items gets: the types and values its row mapper and readers expect.
    @Test func tasksWrittenHereHaveThePythonShapes() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            try await harness.advance(.milliseconds(250))
            let task = try await harness.taskManager.createTask(
                labourerID: "worker_a", arguments: ["payload": ["words": ["a"], "n": 1.5]])
            let item = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(Set(item.keys) == ["task_id", "labourer_id", "created_at", "greenfield", "attempts", "payload"])
            #expect(item["task_id"]?.stringValue?.count == 32)
            #expect(item["task_id"]?.stringValue?.allSatisfy { $0.isHexDigit && !$0.isUppercase } == true)
            #expect(item["labourer_id"] == "worker_a")
            #expect(item["created_at"]?.numberValue?.text == "1767578400.25")
            #expect(item["greenfield"] == 2000)
            #expect(item["attempts"] == 0)
            // Python's reader decodes S values that start with `{` and end with `}`.
            let payload = try #require(item["payload"]?.stringValue)
            #expect(payload == #"{"n": 1.5, "words": ["a"]}"#)

            // Invoked by us, the item is what a Python Orchestrator treats as invoked: greenfield int(now)+delta.
            _ = await (try harness.orchestrator()).run()
            let invoked = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(invoked["greenfield"]?.number == simulationStart.wholeSeconds + 31_557_600)
            #expect(invoked["attempts"] == 1)
        }
    }
}
