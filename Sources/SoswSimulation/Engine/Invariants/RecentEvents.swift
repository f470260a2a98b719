import SoswCore

/// The last few events of a run, kept as values in a ring (formatting them costs only when a violation
/// reports them).
struct RecentEvents: Sendable {
    private var ring: [(event: String, time: UnixTime, fields: EventFields)] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        ring.reserveCapacity(capacity)
    }

    mutating func append(_ event: String, at time: UnixTime, _ fields: EventFields) {
        if ring.count < capacity {
            ring.append((event, time, fields))
        } else {
            ring[next] = (event, time, fields)
        }
        next = (next + 1) % capacity
    }

    /// The events oldest first, each as its `events.jsonl` line.
    func lines() -> [String] {
        let ordered = ring.count < capacity ? ring : Array(ring[next...] + ring[..<next])
        return ordered.map { entry in
            var line: [UInt8] = []
            line.append(contentsOf: "{\"t\":".utf8)
            entry.time.writeMillisecondText(to: &line)
            line.append(contentsOf: ",\"event\":".utf8)
            JSONValue.writeString(entry.event, to: &line)
            for (key, value) in entry.fields {
                line.append(UInt8(ascii: ","))
                JSONValue.writeString(key, to: &line)
                line.append(UInt8(ascii: ":"))
                value.write(to: &line)
            }
            line.append(UInt8(ascii: "}"))
            return String(decoding: line, as: UTF8.self)
        }
    }
}
