import Crypto
import SoswCore
import Synchronization

/// The deterministic record of a run: one JSON line per event, ordered as the events happened in virtual
/// time, and the SHA-256 of all of it.
///
/// Each line starts with `t` (virtual Unix seconds with exactly three decimals) and `event`, then the other
/// fields sorted by key, so two runs that did the same things in the same order produce the same bytes.
/// The hash is computed as lines arrive; lines go to an optional ``EventSink`` and, when asked, are kept in
/// memory for inspection. An optional ``EventListener`` sees each event as values, so that what a run reports
/// is computed from exactly what its log says.
public final class EventLog: Sendable {
    private struct State {
        var hasher = SHA256()
        var count = 0
        var kept: [String] = []
        /// The line being built, reused from one event to the next.
        var line: [UInt8] = []
    }

    private let state = Mutex(State())
    private let sink: (any EventSink)?
    private let keepsLines: Bool
    private let listener: (any EventListener)?

    public init(sink: (any EventSink)? = nil, keepsLines: Bool = false, listener: (any EventListener)? = nil) {
        self.sink = sink
        self.keepsLines = keepsLines
        self.listener = listener
    }

    /// Appends one event. `fields` must not use the keys `t` or `event`.
    public func record(_ event: String, at time: UnixTime, _ fields: EventFields = [:]) {
        state.withLock { state in
            state.line.removeAll(keepingCapacity: true)
            EventLog.writeLine(event, at: time, fields, to: &state.line)
            state.line.withUnsafeBufferPointer { line in
                state.hasher.update(bufferPointer: UnsafeRawBufferPointer(line))
                sink?.write(utf8: line)
                if keepsLines { state.kept.append(String(decoding: line, as: UTF8.self)) }
            }
            state.count += 1
            listener?.record(event, at: time, fields)
        }
    }

    /// `{"t":…,"event":…,` then the fields (already in key order), and a newline.
    private static func writeLine(_ event: String, at time: UnixTime, _ fields: EventFields, to line: inout [UInt8]) {
        line.append(contentsOf: "{\"t\":".utf8)
        time.writeMillisecondText(to: &line)
        line.append(contentsOf: ",\"event\":".utf8)
        JSONValue.writeString(event, to: &line)
        for (key, value) in fields {
            precondition(key != "t" && key != "event", "event field '\(key)' is reserved for the log itself")
            line.append(UInt8(ascii: ","))
            JSONValue.writeString(key, to: &line)
            line.append(UInt8(ascii: ":"))
            value.write(to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
    }

    /// Events recorded so far.
    public var count: Int {
        state.withLock { $0.count }
    }

    /// The lines kept in memory (each ending in a newline); empty unless the log was made with `keepsLines`.
    public var lines: [String] {
        state.withLock { $0.kept }
    }

    /// The SHA-256 of every line recorded so far, in lowercase hex: what `sha256sum events.jsonl` prints.
    public var sha256: String {
        lowercaseHex(state.withLock { $0.hasher.finalize() })
    }
}

/// Sees every event of an ``EventLog`` as values, in log order (called under the log's lock: it must not
/// record events itself).
public protocol EventListener: Sendable {
    func record(_ event: String, at time: UnixTime, _ fields: EventFields)
}

/// Where the lines of an ``EventLog`` go as they are recorded (a file, standard output, a test buffer).
public protocol EventSink: Sendable {
    /// Receives one complete line as UTF-8, newline included, valid only during the call (the bytes the log
    /// builds, so no `String` is made). Called under the log's lock, in event order.
    func write(utf8 line: UnsafeBufferPointer<UInt8>)
}
