import Testing
@testable import SoswCore

/// sosw's test_worker_assistant and the payloads Python workers send.
@Suite struct WorkerAssistantRequestTests {
    @Test func completedWithStatsAndResultAsObjects() throws {
        let request = try WorkerAssistantRequest(event: [
            "action": "mark_task_as_completed", "task_id": "123", "stats": ["s_key": "value"], "result": ["r_key": 42],
        ])
        #expect(request == WorkerAssistantRequest(action: .markTaskAsCompleted, taskID: "123",
                                                  stats: ["s_key": "value"], result: ["r_key": 42]))
    }

    @Test func statsAndResultAsJSONStringsAreDecoded() throws {
        let request = try WorkerAssistantRequest(event: [
            "action": "mark_task_as_failed", "task_id": "123",
            "stats": #"{"s_key": "value"}"#, "result": #"{"r_key": "value"}"#,
        ])
        #expect(request.action == .markTaskAsFailed)
        #expect(request.stats == ["s_key": "value"])
        #expect(request.result == ["r_key": "value"])
    }

    @Test func actionsAsASingleElementListAndNoStats() throws {
        let request = try WorkerAssistantRequest(event: ["actions": ["mark_task_as_completed"], "task_id": "t", "stats": nil])
        #expect(request == WorkerAssistantRequest(action: .markTaskAsCompleted, taskID: "t"))
    }

    static let badPayloads: [(JSONValue, WorkerAssistantError)] = [
        (["action": "call_the_king", "task_id": "1"], .unsupportedAction("call_the_king")),
        (["action": "mark_task_as_completed"], .missingTaskID(action: .markTaskAsCompleted)),
        (["action": "mark_task_as_failed"], .missingTaskID(action: .markTaskAsFailed)),
        (["task_id": "1"], .missingAction),
        (["action": "", "task_id": "1"], .missingAction),
        (["actions": ["mark_task_as_completed", "mark_task_as_failed"], "task_id": "1"],
         .ambiguousActions(["mark_task_as_completed", "mark_task_as_failed"])),
        (["actions": "mark_task_as_completed", "task_id": "1"], .ambiguousActions("mark_task_as_completed")),
        (["action": "mark_task_as_completed", "task_id": 42], .taskIDNotAString(42)),
        (["action": "mark_task_as_completed", "task_id": "1", "stats": "{not json"], .undecodableField("stats", value: "{not json")),
        (["action": "mark_task_as_completed", "task_id": "1", "result": "[1]"], .fieldNotAnObject("result", value: [1])),
        (["action": "mark_task_as_completed", "task_id": "1", "stats": 7], .fieldNotAnObject("stats", value: 7)),
        ("mark_task_as_completed", .payloadNotAnObject("mark_task_as_completed")),
    ]

    @Test(arguments: badPayloads)
    func badPayloadsAreRejected(event: JSONValue, expected: WorkerAssistantError) {
        #expect(throws: expected) { try WorkerAssistantRequest(event: event) }
    }

    @Test func errorsSayWhatWasExpected() {
        #expect(WorkerAssistantError.unsupportedAction("x").description
            == "action `x` is not supported; expected mark_task_as_completed or mark_task_as_failed")
        #expect(WorkerAssistantError.missingTaskID(action: .markTaskAsFailed).description
            == "missing required parameter `task_id` for action `mark_task_as_failed`")
    }
}
