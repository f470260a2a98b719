import Logging

/// What the essentials read besides AWS: time, chance, new ids, and where they report. Production passes
/// the system's clocks and generators; a simulation its virtual clock and seeded sources, so a run depends on
/// its seed alone.
public struct SoswEnvironment<C: Clock<Duration>>: Sendable {
    /// Measures waits: batch-write backoff, the Scheduler's deadline and its hand-off backoff.
    public var clock: C
    /// The Unix time of greenfields, markers and `created_at`.
    public var wallClock: any WallClock
    /// The random source for one named use: `task-manager` (batch-write backoff), `scheduler` (hand-off
    /// backoff), `scavenger/<run>` (retry-delay jitter of that Scavenger run). A simulation gives each use its
    /// own seeded stream, so one use drawing more does not shift the others' draws.
    public var random: @Sendable (_ use: String) -> any RandomSource
    /// New task ids.
    public var ids: any IDSource
    public var logger: Logger
    /// Told of every task event (created, invoked, completed, expired, …); production usually ignores them.
    public var observer: any TaskEventObserver

    public init(
        clock: C, wallClock: any WallClock, random: @escaping @Sendable (_ use: String) -> any RandomSource,
        ids: any IDSource, logger: Logger, observer: any TaskEventObserver = IgnoredTaskEvents()
    ) {
        self.clock = clock
        self.wallClock = wallClock
        self.random = random
        self.ids = ids
        self.logger = logger
        self.observer = observer
    }

    /// One random source for every use, as production has (the operating system's generator).
    public init(
        clock: C, wallClock: any WallClock, random: any RandomSource, ids: any IDSource, logger: Logger,
        observer: any TaskEventObserver = IgnoredTaskEvents()
    ) {
        self.init(clock: clock, wallClock: wallClock, random: { _ in random }, ids: ids, logger: logger, observer: observer)
    }
}
