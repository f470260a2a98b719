import Foundation
import SoswSimulation
import Synchronization

/// The sweep's progress bar on standard error, rewritten in place as runs finish; nothing when standard error
/// is not a terminal, so captured output and CI logs stay clean.
final class SweepProgress: Sendable {
    let label: String
    let total: Int
    let isEnabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let done = Mutex(0)

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        started = clock.now
        isEnabled = isatty(STDERR_FILENO) == 1
    }

    /// Draws the empty bar.
    func start() {
        draw(0)
    }

    /// Counts one finished run and redraws.
    func finishedRun() {
        draw(done.withLock { count in
            count += 1
            return count
        })
    }

    /// Erases the bar.
    func clear() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    private func draw(_ count: Int) {
        guard isEnabled, total > 0 else { return }
        let width = 30
        let filled = count * width / total
        let seconds = Int((clock.now - started).secondsValue)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(count)/\(total) runs, \(seconds / 60)m \(seconds % 60)s ".utf8))
    }
}
