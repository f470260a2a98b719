import Foundation
import Synchronization

/// Independent simulations run side by side on plain threads (a sweep's runs, explored seeds): each pulls the
/// next index from one shared counter, runs it on its own simulator, and only the results are shared. Swift's
/// cooperative pool is not used: a simulation blocks its thread for its whole run.
enum ThreadPool {
    /// `body(i)` for every `i` in `0..<count` on `threads` threads, the results in index order; `afterEach` runs
    /// after every job (a progress bar). The first failure stops the others from starting new jobs and is
    /// rethrown once every thread has stopped.
    static func map<Result: Sendable>(
        count: Int, threads: Int, afterEach: @escaping @Sendable () -> Void = {},
        _ body: @escaping @Sendable (Int) throws -> Result
    ) async throws -> [Result] {
        let next = Mutex(0)
        let outcomes = Mutex<[Int: Swift.Result<Result, any Error>]>([:])
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while true {
                    let index = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < count else { return }
                    let outcome = Swift.Result { try body(index) }
                    outcomes.withLock { $0[index] = outcome }
                    afterEach()
                    if case .failure = outcome { next.withLock { $0 = count } }
                }
            }
            // The simulation's call chains are deep; give each thread a main thread's stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
        await withCheckedContinuation { continuation in
            group.notify(queue: .global()) { continuation.resume() }
        }
        return try outcomes.withLock { results in
            try results.keys.sorted().map { try results[$0]!.get() }
        }
    }
}
