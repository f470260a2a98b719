import SoswCore
import Testing

@testable import SoswSimulation

@Suite("The virtual clock")
struct SimClockTests {
    @Test("sleeps wake in deadline order, equal deadlines in the order they were made")
    func deadlineOrder() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0), strict: true)
        let clock = executor.clock
        let woke = try executor.run { () -> [String] in
            try await withThrowingTaskGroup(of: String.self) { group in
                for (name, seconds) in [("c", 30), ("a", 10), ("b1", 20), ("b2", 20), ("zero", 0)] {
                    group.addTask {
                        try await clock.sleep(for: .seconds(seconds))
                        return "\(name)@\(clock.currentTime().wholeSeconds)"
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(woke == ["zero@0", "a@10", "b1@20", "b2@20", "c@30"])
    }

    @Test("cancellation wakes a sleeper with CancellationError at the virtual time of the cancel")
    func cancellation() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 1000), strict: true)
        let clock = executor.clock
        let outcome = try executor.run { () -> (String, Int64) in
            try await withThrowingTaskGroup(of: (String, Int64).self) { group in
                group.addTask {
                    do {
                        try await clock.sleep(for: .seconds(3600))
                        return ("woke normally", clock.currentTime().wholeSeconds)
                    } catch is CancellationError {
                        return ("cancelled", clock.currentTime().wholeSeconds)
                    }
                }
                try await clock.sleep(for: .seconds(90))
                group.cancelAll()
                return try await group.next()!
            }
        }
        #expect(outcome.0 == "cancelled")
        #expect(outcome.1 == 1090)
        #expect(executor.now == UnixTime(seconds: 1090), "the cancelled sleep's deadline must not move the clock")
    }

    @Test("a task cancelled before it sleeps throws at once")
    func cancelledBeforeSleeping() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0), strict: true)
        let clock = executor.clock
        let thrown = try executor.run { () -> Bool in
            await withTaskGroup(of: Bool.self) { group in
                group.cancelAll()
                group.addTask {
                    do {
                        try await clock.sleep(for: .seconds(5))
                        return false
                    } catch {
                        return error is CancellationError
                    }
                }
                return await group.next()!
            }
        }
        #expect(thrown)
        #expect(executor.now == UnixTime(seconds: 0))
    }

    @Test("a day of virtual time passes without waiting: Task.sleep on the simulation's clock")
    func aDayPasses() throws {
        let start = UnixTime(iso8601: "2026-01-05T00:00:00Z")!
        let executor = SimExecutor(start: start, strict: true)
        let clock = executor.clock
        try executor.run {
            try await Task.sleep(for: .seconds(86_400), clock: clock)
        }
        #expect(executor.now == start + .seconds(86_400))
        #expect(executor.now.iso8601 == "2026-01-06T00:00:00Z")
        #expect(executor.jobsRun < 10)
    }

    @Test("core code generic over some Clock<Duration> runs on the virtual clock")
    func genericClock() throws {
        @Sendable func pause(on clock: some Clock<Duration>) async throws {
            try await clock.sleep(for: .seconds(42))
        }
        let executor = SimExecutor(start: UnixTime(seconds: 0))
        try executor.run { try await pause(on: executor.clock) }
        #expect(executor.now == UnixTime(seconds: 42))
    }

    @Test("instants measure durations and order like Unix time")
    func instants() {
        let a = SimInstant(unixTime: UnixTime(seconds: 10))
        let b = a.advanced(by: .milliseconds(1500))
        #expect(a.duration(to: b) == .milliseconds(1500))
        #expect(a < b)
        #expect(b.unixTime.millisecondText == "11.500")
    }
}
