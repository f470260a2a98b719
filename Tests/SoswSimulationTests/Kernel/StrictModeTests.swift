import Dispatch
import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Strict mode")
struct StrictModeTests {
    @Test("a Task.detached started inside the simulation is caught, adopted and reported")
    func detachedLeakIsCaught() throws {
        let executor = SimExecutor(strict: true)
        let error = #expect(throws: StrictModeViolation.self) {
            try executor.run {
                let leaked = Task.detached { 21 * 2 }
                return await leaked.value
            }
        }
        #expect(error?.incidents.isEmpty == false)
        #expect(error?.description.contains("Task.detached") == true)
        #expect(error?.description.contains("started inside the simulation at virtual time 0.000") == true)
        #expect(error?.description.contains("structured concurrency") == true)
    }

    @Test("an unstructured Task {} is caught too")
    func unstructuredTaskIsCaught() throws {
        let executor = SimExecutor(strict: true)
        let error = #expect(throws: StrictModeViolation.self) {
            try executor.run {
                await Task { 1 }.value
            }
        }
        #expect(error?.incidents.isEmpty == false)
    }

    @Test("a root task that waits for something the simulator does not drive is Stuck, and says why")
    func stuckRootTask() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 100), strict: true)
        let stuck = #expect(throws: Stuck.self) {
            try executor.run {
                try await executor.clock.sleep(for: .seconds(5))
                await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            }
        }
        #expect(stuck?.at == UnixTime(seconds: 105))
        #expect(stuck?.pendingSleeps == 0)
        let message = stuck?.description ?? ""
        #expect(message.contains("did not finish"))
        #expect(message.contains("105.000"))
        #expect(message.contains("continuation that nobody resumes"))
    }

    @Test("a run that passes its virtual-time limit is Stuck with the pending sleeps")
    func limitReached() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0))
        let stuck = #expect(throws: Stuck.self) {
            try executor.run(until: UnixTime(seconds: 3600)) {
                while true { try await executor.clock.sleep(for: .seconds(60)) }
            }
        }
        #expect(stuck?.limit == UnixTime(seconds: 3600))
        #expect(stuck?.pendingSleeps == 1)
        #expect(stuck?.nextDeadline == UnixTime(seconds: 3660))
        #expect(executor.now == UnixTime(seconds: 3600))
    }

    @Test("a sleep requested from a thread that does not drive the simulation is reported")
    func sleepOffThread() async throws {
        let executor = SimExecutor(strict: true)
        let foreign = Task.detached { try await executor.clock.sleep(for: .seconds(1)) }
        // Wait (in real time, bounded) until the foreign task has registered its sleep.
        var waited = 0
        while executor.pendingSleeps == 0 && waited < 10_000 {
            try await Task.sleep(for: .milliseconds(1))
            waited += 1
        }
        #expect(executor.pendingSleeps == 1)
        let error = #expect(throws: StrictModeViolation.self) {
            try executor.run { 1 }
        }
        #expect(error?.incidents.first?.contains("off the simulation thread") == true)
        try await foreign.value
    }

    @Test("without strict mode leaked work is adopted silently and runs in simulated order")
    func lenientMode() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0), strict: false)
        let clock = executor.clock
        let value = try executor.run {
            await Task.detached {
                try? await clock.sleep(for: .seconds(30))
                return clock.currentTime().wholeSeconds
            }.value
        }
        #expect(value == 30)
        #expect(executor.now == UnixTime(seconds: 30))
    }
}
