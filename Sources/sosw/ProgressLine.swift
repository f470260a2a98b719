import Foundation
import Synchronization

/// A one-line progress display, rewritten in place on standard output when it is a terminal, shown only once
/// a run has taken more than a second of wall time; nothing when the output is piped or captured.
final class ProgressLine: Sendable {
    let label: String
    let clock: ContinuousClock
    let started: ContinuousClock.Instant
    let isEnabled: Bool
    private let lastShown = Mutex<ContinuousClock.Instant?>(nil)

    init(label: String, clock: ContinuousClock, started: ContinuousClock.Instant) {
        self.label = label
        self.clock = clock
        self.started = started
        isEnabled = isatty(STDOUT_FILENO) == 1
    }

    func show(_ simulated: Duration, of limit: Duration) {
        let now = clock.now
        guard now - started > .seconds(1) else { return }
        let due = lastShown.withLock { last in
            guard last.map({ now - $0 >= .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let percent = Int((simulated / limit * 100).rounded(.down))
        let minutes = Int(simulated.components.seconds / 60)
        FileHandle.standardOutput.write(Data("\r\(label): \(minutes / 60)h \(minutes % 60)m simulated (≤\(percent)% of the limit)   ".utf8))
    }

    /// Erases the line, if it was ever shown.
    func clear() {
        if lastShown.withLock({ $0 }) != nil {
            FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
        }
    }
}
