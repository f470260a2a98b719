/// Where the core reads the current Unix time from (greenfields, markers, `created_at`).
///
/// Injected, never `Date()`: in a simulation it is the virtual clock, so a run's timestamps depend on the
/// seed and the scenario only; the live adapter passes the system's clock.
public protocol WallClock: Sendable {
    func currentTime() -> UnixTime
}
