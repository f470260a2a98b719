import FuzzSupport
import SoswCore

/// Any JSON document is a WorkerAssistant request or a `WorkerAssistantError`, and any object of task
/// arguments a payload or a `TaskPayloadError`; the `payload` member also goes through the string-of-JSON path.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    guard let event = try? JSONValue(parsing: text) else { return 0 }
    if let request = try? WorkerAssistantRequest(event: event) {
        precondition(event["task_id"]?.stringValue == request.taskID, "the task id is not the event's")
    }
    guard let arguments = event.objectValue else { return 0 }
    _ = try? TaskPayload.construct(from: arguments, labourerID: "fuzz_worker")
    _ = try? TaskPayload.construct(from: ["payload": .string(text)], labourerID: "fuzz_worker")
    return 0
}

@main
enum FuzzWorkerAssistant {
    static func main() { FuzzDriver.run(testOneInput) }
}
