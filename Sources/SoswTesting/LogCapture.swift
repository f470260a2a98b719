import Logging
import Synchronization

/// Collects the essentials' log lines (`"<level>: <message>"`, trace and up) so a test can check that a
/// failure was logged, and what it said.
public final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// Every line so far, in order.
    public var all: [String] { lines.withLock { $0 } }

    public func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    /// A logger whose every line lands here.
    public var logger: Logger {
        Logger(label: "sosw.testing") { _ in CapturingLogHandler(capture: self) }
    }
}
