import SoswCore
import Testing

@testable import SoswSimulation

/// An event's fields are written in the UTF-8 order of their keys, whatever order they were given in.
@Suite("Event fields: a small map kept in key order")
struct EventFieldsTests {
    @Test("a literal, additions, replacements and removals keep the keys in UTF-8 order")
    func keepsKeyOrder() {
        var fields: EventFields = ["task_id": "t1", "attempt": .int(2), "Zeta": .bool(true)]
        fields["é"] = "accent"
        fields["labourer_id"] = "l1"
        fields["attempt"] = .int(3)
        fields["Zeta"] = nil
        fields["missing"] = nil
        #expect(fields.map(\.key) == ["attempt", "labourer_id", "task_id", "é"])
        #expect(fields["attempt"] == .int(3))
        #expect(fields["Zeta"] == nil)
        #expect(fields.count == 4)
    }

    @Test("the log writes the fields in that order")
    func logLine() {
        let log = EventLog(keepsLines: true)
        log.record("tick", at: UnixTime(seconds: 1), ["b": .int(1), "a": "x", "B": .null])
        #expect(log.lines == ["{\"t\":1.000,\"event\":\"tick\",\"B\":null,\"a\":\"x\",\"b\":1}\n"])
    }
}
