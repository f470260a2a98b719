import SoswCore

/// The virtual clock of a simulation: a `Clock` (so core code generic over `some Clock<Duration>` sleeps in
/// virtual time) and a ``WallClock`` (so it reads virtual Unix time).
public struct SimClock: Clock, WallClock {
    public typealias Duration = Swift.Duration

    public let executor: SimExecutor

    public init(executor: SimExecutor) {
        self.executor = executor
    }

    public var now: SimInstant {
        SimInstant(unixTime: executor.now)
    }

    public var minimumResolution: Duration {
        .nanoseconds(1)
    }

    public func sleep(until deadline: SimInstant, tolerance: Duration?) async throws {
        try await executor.sleep(until: deadline.unixTime)
    }

    public func currentTime() -> UnixTime {
        executor.now
    }
}

/// An instant of virtual time, as Unix time.
public struct SimInstant: InstantProtocol, CustomStringConvertible {
    public typealias Duration = Swift.Duration

    public var unixTime: UnixTime

    public init(unixTime: UnixTime) {
        self.unixTime = unixTime
    }

    public func advanced(by duration: Duration) -> SimInstant {
        SimInstant(unixTime: unixTime + duration)
    }

    public func duration(to other: SimInstant) -> Duration {
        other.unixTime - unixTime
    }

    public static func < (lhs: SimInstant, rhs: SimInstant) -> Bool {
        lhs.unixTime < rhs.unixTime
    }

    public var description: String { unixTime.description }
}
