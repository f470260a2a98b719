import Foundation
import Synchronization

/// Writes event lines to a file through a 256 KB buffer, so logging a million events costs a few hundred
/// system calls. Call ``close()`` to flush; the file is complete only then.
public final class FileEventSink: EventSink {
    private struct State {
        var handle: FileHandle?
        var buffer: [UInt8] = []
    }

    private let state: Mutex<State>
    private static let flushThreshold = 256 * 1024

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        state = Mutex(State(handle: handle))
    }

    public func write(utf8 line: UnsafeBufferPointer<UInt8>) {
        state.withLock { state in
            state.buffer.append(contentsOf: line)
            if state.buffer.count >= FileEventSink.flushThreshold {
                FileEventSink.flush(&state)
            }
        }
    }

    /// Flushes what is buffered and closes the file. Later writes are dropped.
    public func close() throws {
        try state.withLock { state in
            FileEventSink.flush(&state)
            try state.handle?.close()
            state.handle = nil
        }
    }

    private static func flush(_ state: inout State) {
        guard let handle = state.handle, !state.buffer.isEmpty else { return }
        handle.write(Data(state.buffer))
        state.buffer.removeAll(keepingCapacity: true)
    }
}
