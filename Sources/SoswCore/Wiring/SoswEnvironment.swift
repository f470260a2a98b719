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
    /// Where the essentials log: ``Logging/Logger/sosw`` (silent) unless given.
    public var logger: Logger
    /// Told of every task event (created, invoked, completed, expired, …); production usually ignores them.
    public var observer: any TaskEventObserver

    /// - Parameters:
    ///   - clock: what waits are measured on (the system's continuous clock, or a simulation's virtual one).
    ///   - wallClock: the Unix time of greenfields, markers and `created_at`.
    ///   - random: the random source of each named use (see ``random``).
    ///   - ids: new task ids (random UUIDs in production, seeded ones in a simulation).
    ///   - logger: where the essentials log; by default ``Logging/Logger/sosw``, which discards every message,
    ///     so a caller need not import swift-log.
    ///   - observer: told of every task event; ignores them by default.
    public init(
        clock: C, wallClock: any WallClock, random: @escaping @Sendable (_ use: String) -> any RandomSource,
        ids: any IDSource, logger: Logger = .sosw, observer: any TaskEventObserver = IgnoredTaskEvents()
    ) {
        self.clock = clock
        self.wallClock = wallClock
        self.random = random
        self.ids = ids
        self.logger = logger
        self.observer = observer
    }

    /// One random source for every use, as production has (the operating system's generator); the other
    /// parameters as in ``init(clock:wallClock:random:ids:logger:observer:)-(_,_,(String)->any RandomSource,_,_,_)``.
    public init(
        clock: C, wallClock: any WallClock, random: any RandomSource, ids: any IDSource, logger: Logger = .sosw,
        observer: any TaskEventObserver = IgnoredTaskEvents()
    ) {
        self.init(clock: clock, wallClock: wallClock, random: { _ in random }, ids: ids, logger: logger, observer: observer)
    }
}
