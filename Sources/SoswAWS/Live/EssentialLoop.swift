import ServiceLifecycle

/// Runs an essential once, or on a fixed rate until the process is asked to stop, as a swift-service-lifecycle
/// `Service`: SIGTERM or SIGINT (delivered as a graceful shutdown by the `ServiceGroup`) ends the loop *between*
/// runs. A run in progress is never cancelled by the shutdown, because cancelling an essential inside a move
/// (a task claimed but not yet invoked, a row archived but not yet deleted) is exactly what sosw's tables cannot
/// recover from cleanly; the wait for the next run is.
///
/// Runs start at `start + k × every`, like an EventBridge rate rule; a run that overruns its period skips the
/// starts it missed instead of running back to back.
public struct EssentialLoop<C: Clock<Duration>>: Service {
    /// nil runs once.
    public let every: Duration?
    public let clock: C
    private let runOnce: @Sendable (_ number: Int) async -> Void

    /// - Parameter runOnce: one run of the essential, numbered from 1; it reports its own outcome (the
    ///   command prints one JSON object per run) and does not throw: a failed run is a report, not the end of
    ///   the loop.
    public init(every: Duration?, clock: C, runOnce: @escaping @Sendable (_ number: Int) async -> Void) {
        self.every = every
        self.clock = clock
        self.runOnce = runOnce
    }

    public func run() async throws {
        let first = clock.now
        var number = 0
        while true {
            number += 1
            await runOnce(number)
            guard let every, !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
            let next = Self.nextStart(after: clock.now, first: first, every: every)
            do {
                try await cancelWhenGracefulShutdown {
                    try await clock.sleep(until: next, tolerance: nil)
                }
            } catch is CancellationError {
                return
            }
        }
    }

    /// The first start of the rate `first + k × every` strictly after `now`.
    static func nextStart(after now: C.Instant, first: C.Instant, every: Duration) -> C.Instant {
        let elapsed = first.duration(to: now)
        let periods = Int(elapsed / every) + 1
        return first.advanced(by: every * periods)
    }
}
