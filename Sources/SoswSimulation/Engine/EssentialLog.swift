import SoswCore
import Synchronization

/// Numbers the runs of each essential and logs `essential.started` / `essential.finished` (with `essential`
/// and `run`) at the virtual time they happen.
final class EssentialLog: Sendable {
    private let log: EventLog
    private let clock: SimClock
    private let runs = Mutex<[Essential: Int]>([:])

    init(log: EventLog, clock: SimClock) {
        self.log = log
        self.clock = clock
    }

    /// Logs the start of a new run and returns its number (1 for the first run of that essential).
    func started(_ essential: Essential, extra: EventFields = [:]) -> Int {
        let run = runs.withLock { runs in
            runs[essential, default: 0] += 1
            return runs[essential]!
        }
        var fields = extra
        fields["essential"] = .string(essential.rawValue)
        fields["run"] = .int(Int64(run))
        log.record(.essentialStarted, at: clock.currentTime(), fields)
        return run
    }

    func finished(_ essential: Essential, run: Int, _ extra: EventFields = [:]) {
        var fields = extra
        fields["essential"] = .string(essential.rawValue)
        fields["run"] = .int(Int64(run))
        log.record(.essentialFinished, at: clock.currentTime(), fields)
    }

    /// Logs an injected fault.
    func fault(_ kind: String, _ extra: EventFields = [:]) {
        var fields = extra
        fields["kind"] = .string(kind)
        log.record(.fault, at: clock.currentTime(), fields)
    }
}
