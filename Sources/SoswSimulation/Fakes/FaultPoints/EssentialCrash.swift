import Synchronization

/// The planned crash of one essential run, carried as a task-local value by the run's task (and the child
/// tasks it starts), so every AWS call the run makes passes by it: the fault-point ports count the calls, and
/// at the drawn one the process "dies" before the request is sent. From then on every call of the run throws
/// `CancellationError`, as nothing a dead process would have sent reaches AWS, and the run ends wherever it
/// was: between any two of its calls, its work half done.
///
/// A crash after a write landed but before its answer arrived is not drawn: the run's events are logged by the
/// essentials when a call answers, so such a write would change the tables without an event, and the checks
/// that follow the events (and the drain test) would see a state the run never reported.
final class EssentialCrash: Sendable {
    @TaskLocal static var current: EssentialCrash?

    private struct State {
        var calls = 0
        var crashed = false
    }

    /// The call the run dies at (0 is its first); nil for a run that only counts its calls.
    let crashAt: Int?
    private let state = Mutex(State())

    init(crashAt: Int?) {
        self.crashAt = crashAt
    }

    /// Whether the run died part-way.
    var crashed: Bool { state.withLock { $0.crashed } }

    /// How many AWS calls the run began.
    var calls: Int { state.withLock { $0.calls } }

    /// Before a call of the current run (if it carries a crash): throws once the run is dead.
    static func beforeCall() throws {
        guard let crash = current else { return }
        let dead = crash.state.withLock { state in
            if !state.crashed, state.calls == crash.crashAt { state.crashed = true }
            state.calls += 1
            return state.crashed
        }
        if dead { throw CancellationError() }
    }
}

/// How many AWS calls an essential's run makes, as its last whole run made: the range its crash points are
/// drawn from, so a crash can land at any of its calls however many the run makes.
final class CallsPerRun: Sendable {
    private let calls: Mutex<Int>

    init(assuming calls: Int) {
        self.calls = Mutex(calls)
    }

    var count: Int { calls.withLock { $0 } }

    func record(_ count: Int) {
        calls.withLock { $0 = count }
    }
}
