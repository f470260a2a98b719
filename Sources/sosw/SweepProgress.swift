import Foundation
import SoswSimulation
import Synchronization

/// The sweep's progress bar on standard error, rewritten in place as runs finish and once a second (so the
/// elapsed time moves during long runs); nothing when standard error is not a terminal, so captured output and
/// CI logs stay clean.
final class SweepProgress: Sendable {
    let label: String
    let total: Int
    let isEnabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    /// Runs finished, and whether the bar was cleared (after which nothing draws it again).
    private let state = Mutex((done: 0, cleared: false))

    init(label: String, total: Int) {
        self.label = label
        self.total = total
        started = clock.now
        isEnabled = isatty(STDERR_FILENO) == 1
    }

    /// Draws the empty bar and redraws it every second until ``clear()``.
    func start() {
        guard isEnabled else { return }
        redraw()
        Thread.detachNewThread { [self] in
            while !state.withLock({ $0.cleared }) {
                Thread.sleep(forTimeInterval: 1)
                redraw()
            }
        }
    }

    /// Counts one finished run and redraws.
    func finishedRun() {
        state.withLock { $0.done += 1 }
        redraw()
    }

    /// Erases the bar for good.
    func clear() {
        guard isEnabled else { return }
        state.withLock { state in
            state.cleared = true
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        }
    }

    /// Draws under the lock, so a redraw can never land after the bar was cleared.
    private func redraw() {
        guard isEnabled, total > 0 else { return }
        state.withLock { state in
            guard !state.cleared else { return }
            let width = 30
            let filled = state.done * width / total
            let seconds = Int((clock.now - started).secondsValue)
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(state.done)/\(total) runs, \(seconds / 60)m \(seconds % 60)s ".utf8))
        }
    }
}
