import SoswCore

/// Workloads that measure the kernel's own cost. They run in virtual time; the caller times them on a real
/// clock (the simulation itself never reads one).
public enum KernelBenchmark {
    /// `tasks` concurrent tasks each sleep `rounds` times on the virtual clock, for 1–1000 µs spread so that
    /// wake-ups interleave. Returns the number of suspend/resume cycles performed.
    public static func suspendResume(tasks: Int, rounds: Int) throws -> Int {
        let executor = SimExecutor()
        let clock = executor.clock
        return try executor.run {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for task in 0..<tasks {
                    group.addTask {
                        for round in 0..<rounds {
                            let micros = (task &* 7919 &+ round &* 104_729) % 1000 + 1
                            try await clock.sleep(for: .microseconds(micros))
                        }
                        return rounds
                    }
                }
                return try await group.reduce(0, +)
            }
        }
    }

    /// `calls` async calls through an existential that never suspend, inside the simulation.
    /// Returns the number of calls made.
    public static func nonSuspendingCalls(_ calls: Int) throws -> Int {
        let executor = SimExecutor()
        let counter = makeCounter()
        return try executor.run {
            var total = 0
            for _ in 0..<calls {
                total &+= await counter.increment()
            }
            return total > 0 ? calls : 0
        }
    }
}

/// Hides the concrete type from the optimiser, so the benchmark measures a real existential call (as core
/// code makes through its ports) rather than an inlined increment.
@inline(never)
private func makeCounter() -> any AsyncCounting {
    Counter()
}

/// An async requirement whose implementation returns without suspending, like a fake's fast path. Public so
/// that whole-module optimisation cannot prove it has a single conformer and devirtualise the calls.
public protocol AsyncCounting: Sendable {
    func increment() async -> Int
}

private final class Counter: AsyncCounting, @unchecked Sendable {
    private var value = 0

    func increment() async -> Int {
        value &+= 1
        return value
    }
}
