/// The three greenfield markers of one labourer for one Orchestrator or Scavenger run, and the state
/// windows they define.
///
/// Computed once at registration from the run's start, so every query of the run agrees on the same boundaries.
public struct LabourerMarkers: Hashable, Sendable {
    /// `int(now)` at registration, as a greenfield: queued tasks are below it.
    public let start: Greenfield
    /// `start + delta`: tasks invoked during this run are at or above it.
    public let invoked: Greenfield
    /// `invoked - (duration + cooldown)`: tasks invoked before this point have outlived their time.
    public let expired: Greenfield

    public init(start: UnixTime, policy: GreenfieldPolicy, duration: Duration, cooldown: Duration) {
        self.start = Greenfield(truncating: start)
        self.invoked = self.start + policy.invocationDelta
        self.expired = self.invoked - (duration + cooldown)
    }

    /// Queued or retried (never invoked, or invoked more than a delta ago): `greenfield < start`.
    public var queued: GreenfieldRange { .below(.greenfield(start)) }

    /// Invoked at or after this run's start: `greenfield >= invoked`.
    public var invokedInThisRun: GreenfieldRange { .atLeast(.greenfield(invoked)) }

    /// Invoked within the last `duration + cooldown`: `greenfield BETWEEN expired AND invoked` (inclusive).
    /// Callers add `attribute_not_exists(completed_at)`.
    public var running: GreenfieldRange { .between(.greenfield(expired), .greenfield(invoked)) }

    /// Invoked between a delta and `duration + cooldown` ago: `greenfield BETWEEN start AND expired`
    /// (inclusive, so a task exactly on `expired` is both running and expired, as in sosw).
    /// Callers add `attribute_not_exists(completed_at)`.
    public var expiredTasks: GreenfieldRange { .between(.greenfield(start), .greenfield(expired)) }

    /// The queue as sosw counts it and reads its head and tail: `greenfield <= now`, with the fractional now.
    public static func queue(now: UnixTime) -> GreenfieldRange { .atMost(.time(now)) }

    /// Invoked within the last delta (callers add `attribute_exists(completed_at)`): `greenfield >= now`,
    /// with the fractional now.
    public static func completed(now: UnixTime) -> GreenfieldRange { .atLeast(.time(now)) }
}
