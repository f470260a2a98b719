import ServiceLifecycle
import ServiceLifecycleTestKit
import SoswAWS
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// The live loop on the virtual clock: runs start on a fixed rate, an overrun skips the starts it missed, a
/// graceful shutdown ends the loop between runs and never inside one.
@Suite struct EssentialLoopTests {
    @Test func runsOnAFixedRateAndAnOverrunSkipsTheStartsItMissed() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0))
        let clock = executor.clock
        let starts = try executor.run { () -> [Int64] in
            let starts = Mutex<[Int64]>([])
            let loop = EssentialLoop(every: .seconds(60), clock: clock) { number in
                starts.withLock { $0.append(clock.currentTime().wholeSeconds) }
                if number == 2 { try? await clock.sleep(for: .seconds(90)) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await loop.run() }
                try await clock.sleep(for: .seconds(270))
                group.cancelAll()
                try await group.waitForAll()
            }
            return starts.withLock { $0 }
        }
        #expect(starts == [0, 60, 180, 240], "the second run ended at 150 s: the start at 120 s is skipped, not late")
    }

    @Test func withoutAPeriodItRunsOnce() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0))
        let runs = try executor.run { () -> Int in
            let runs = Mutex(0)
            try await EssentialLoop(every: nil, clock: executor.clock) { _ in runs.withLock { $0 += 1 } }.run()
            return runs.withLock { $0 }
        }
        #expect(runs == 1)
    }

    @Test func aGracefulShutdownLetsTheRunInProgressFinishAndStartsNoOther() async throws {
        let events = Mutex<[String]>([])
        let clock = ContinuousClock()
        try await testGracefulShutdown { trigger in
            let loop = EssentialLoop(every: .milliseconds(50), clock: clock) { number in
                events.withLock { $0.append("run \(number) started") }
                if number == 2 {
                    trigger.triggerGracefulShutdown()
                    try? await clock.sleep(for: .milliseconds(100))
                }
                events.withLock { $0.append("run \(number) finished") }
            }
            try await loop.run()
        }
        #expect(events.withLock { $0 } == ["run 1 started", "run 1 finished", "run 2 started", "run 2 finished"])
    }
}
