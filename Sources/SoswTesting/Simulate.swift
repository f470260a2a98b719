import SoswCore
import SoswSimulation

/// 2026-01-05T02:00:00Z, a Monday: where ``simulate(start:scheduling:_:)`` starts the virtual clock unless
/// told otherwise, so that tests reading times and greenfields agree on one origin.
public let simulationStart = UnixTime(seconds: 1_767_578_400)

/// Runs `body` as the root task of a strict ``SoswSimulation/SimExecutor`` whose virtual clock starts at
/// `start`, and returns its result once nothing is left to run.
///
/// Everything `body` awaits runs on the calling thread in virtual time: a sleep of an hour on
/// `executor.clock` returns at once with the clock an hour later. Strict mode turns any escape from the
/// simulation (a `Task.detached`, a job enqueued from another thread, a sleep on a real clock) into a thrown
/// ``SoswSimulation/StrictModeViolation``, so a test cannot pass by accident on wall-clock timing. The
/// executor drives every task the body started until none is ready and no sleep is pending, so a test sees
/// the world idle after `simulate` returns.
///
/// - Parameters:
///   - scheduling: the order of jobs ready at the same virtual instant; `.random(seed:)` explores other
///     interleavings.
/// - Throws: what `body` throws; ``SoswSimulation/StrictModeViolation``; ``SoswSimulation/Stuck`` when the
///   body never finishes.
public func simulate<T: Sendable>(
    start: UnixTime = simulationStart, scheduling: SchedulingPolicy = .fifo,
    _ body: @escaping @Sendable (SimExecutor) async throws -> T
) throws -> T {
    let executor = SimExecutor(start: start, scheduling: scheduling, strict: true)
    return try executor.run { try await body(executor) }
}
