import SoswCore
import Testing

@Suite struct TaskRecordTests {
    @Test func payloadTextIsWhatPythonJsonDumpsWrites() {
        let payload: JSONValue = ["b": [1, 2.5, "x"], "a": ["nested": true, "none": nil], "é": "ü😀", "q": "\"\\\n"]
        #expect(payload.pythonDumps()
            == #"{"a": {"nested": true, "none": null}, "b": [1, 2.5, "x"], "q": "\"\\\n", "\u00e9": "\u00fc\ud83d\ude00"}"#)
        #expect(JSONValue.object([:]).pythonDumps() == "{}")
        #expect(JSONValue.double(1e-05).pythonDumps() == "1e-05")
        #expect(JSONValue.double(1.0).pythonDumps() == "1.0")
        // Checked against CPython 3.11: json.dumps("a\x7fb\x08\x0c") == '"a\\u007fb\\b\\f"'
        #expect(JSONValue.string("a\u{7F}b\u{08}\u{0C}").pythonDumps() == #""a\u007fb\b\f""#)
        #expect(JSONValue.string("a\u{7F}é").serialized() == "\"a\u{7F}é\"", "the compact form keeps UTF-8 as is")
    }

    @Test func readsAnItemAsPythonSoswWritesIt() throws {
        let item: DynamoItem = [
            "task_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "labourer_id": "worker_a",
            "created_at": .n(try DynamoNumber(parsing: "1719999999.1234567")),
            "greenfield": .n(try DynamoNumber(parsing: "2000.0")), "attempts": 0,
            "payload": #"{"topics": ["cars"], "date_list": ["2024-07-01"]}"#, "stat_rows": 12,
        ]
        let task = try TaskRecord(item: item)
        #expect(task.greenfield == Greenfield(2000))
        #expect(task.payload == ["topics": ["cars"], "date_list": ["2024-07-01"]])
        #expect(task.createdAt.text == "1719999999.1234567")
        #expect(task.otherAttributes["stat_rows"] == 12)
        // Written back, every attribute keeps its value and type.
        var expected = item
        expected["greenfield"] = 2000
        expected["payload"] = #"{"date_list": ["2024-07-01"], "topics": ["cars"]}"#
        #expect(task.item == expected)
    }

    @Test func aPayloadThatIsNotAnObjectIsKeptButGivesNoWorkerEvent() throws {
        let task = try TaskRecord(item: [
            "task_id": "t", "labourer_id": "w", "created_at": 1, "greenfield": 2000, "payload": "not json",
        ])
        #expect(task.payload == "not json")
        #expect(task.workerEvent == nil)
        #expect(task.item["payload"] == "not json")
    }

    @Test func anItemWithoutGreenfieldIsNotATask() {
        #expect(throws: TaskRecordError.self) {
            try TaskRecord(item: ["task_id": "t", "labourer_id": "w", "created_at": 1])
        }
    }

    @Test func workerEventOverlaysTheTaskFieldsOnThePayload() throws {
        let task = TaskRecord(
            taskID: "t1", labourerID: "worker_a", createdAt: try DynamoNumber(parsing: "1719999999.5"),
            greenfield: Greenfield(3000), attempts: 1, payload: ["task_id": "spoofed", "words": ["a"]])
        #expect(task.workerEvent == [
            "task_id": "t1", "labourer_id": "worker_a", "created_at": 1_719_999_999.5, "greenfield": 3000,
            "attempts": 1, "words": ["a"],
        ])
    }

    @Test func payloadConstructionFollowsCreateTask() throws {
        #expect(try TaskPayload.construct(from: ["payload": #"{"a": 1}"#, "b": 2], labourerID: "w") == ["a": 1, "b": 2])
        #expect(try TaskPayload.construct(from: ["payload": "plain"], labourerID: "w") == ["payload": "plain"])
        #expect(try TaskPayload.construct(from: ["payload": 5, "labourer_id": "w"], labourerID: "w") == ["payload": 5])
        #expect(try TaskPayload.construct(from: ["greenfield": 0], labourerID: "w") == [:])
        #expect(throws: TaskPayloadError.self) { try TaskPayload.construct(from: ["labourer_id": "other"], labourerID: "w") }
        #expect(throws: TaskPayloadError.self) { try TaskPayload.construct(from: ["task_id": "x"], labourerID: "w") }
    }

    @Test func workerValuesAreTypedAsTheWorkerAssistantTypesThem() {
        #expect(AttributeValue(soswValue: "true") == .bool(true))
        #expect(AttributeValue(soswValue: "12.5") == .n(DynamoNumber(parsing: "12.5", orZero: ())))
        #expect(AttributeValue(soswValue: "1e5") == "1e5")
        #expect(AttributeValue(soswValue: ["k": [1, "x"]]) == .m(["k": .l([1, "x"])]))
    }
}

extension DynamoNumber {
    init(parsing text: String, orZero: Void) {
        self = (try? DynamoNumber(parsing: text)) ?? .zero
    }
}
