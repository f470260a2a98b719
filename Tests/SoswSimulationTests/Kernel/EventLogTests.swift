import Foundation
import SoswCore
import Testing

@testable import SoswSimulation

@Suite("The event log")
struct EventLogTests {
    @Test("lines start with t and event, then fields sorted by key, with millisecond time")
    func lineShape() {
        let log = EventLog(keepsLines: true)
        log.record("task.invoked", at: UnixTime(nanoseconds: 1_767_578_400_123_456_789), [
            "task_id": "abc", "labourer_id": "pull", "attempt": 1, "payload": ["z": 1, "a": [true, nil]],
        ])
        #expect(log.lines == [
            #"{"t":1767578400.123,"event":"task.invoked","attempt":1,"labourer_id":"pull","payload":{"a":[true,null],"z":1},"task_id":"abc"}"# + "\n"
        ])
    }

    @Test("the hash is the SHA-256 of the bytes written, as sha256sum would print it")
    func hashMatchesFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(getpid()).jsonl").path
        let sink = try FileEventSink(path: path)
        let log = EventLog(sink: sink)
        for index in 0..<2000 {
            log.record("tick", at: UnixTime(seconds: Int64(index)), ["n": .int(Int64(index)), "s": "é\"\n"])
        }
        try sink.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(sha256Hex(bytes) == log.sha256)
        #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 2000)
        #expect(log.count == 2000)
        try FileManager.default.removeItem(atPath: path)
    }

    @Test("an empty log hashes to the SHA-256 of nothing")
    func emptyLog() {
        #expect(EventLog().sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("negative and fractional times print with three decimals")
    func timeText() {
        #expect(UnixTime(nanoseconds: -1_500_000_000).millisecondText == "-2.500")
        #expect(UnixTime(nanoseconds: 5_000_000).millisecondText == "0.005")
        #expect(UnixTime(seconds: 12).millisecondText == "12.000")
    }
}
