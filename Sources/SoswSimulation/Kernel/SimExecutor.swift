import CSoswRuntimeHooks
import DequeModule
import SoswCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs async Swift code deterministically on one thread, in virtual time.
///
/// `run { … }` starts a root task that prefers this executor (SE-0417), so its child tasks, default actors,
/// task groups and async streams all execute here, on the calling thread. Time moves only when nothing is
/// ready: the executor then jumps to the earliest sleep on its ``clock``. A day of simulated time therefore
/// passes in as long as its work takes, and the same seed replays the same job order, byte for byte.
///
/// A `Task {}` or `Task.detached` started on the simulation's thread would escape to the global pool; the
/// executor adopts such work (through the runtime's global-enqueue hook) so that it still runs in simulated
/// order. In strict mode every escape is reported — adopted work, a job enqueued from a foreign thread, a
/// sleep requested off the simulation thread — and `run` throws ``StrictModeViolation``.
public final class SimExecutor: TaskExecutor, @unchecked Sendable {
    public let scheduling: SchedulingPolicy
    public let strict: Bool

    private struct State {
        var ready = Deque<UnownedJob>()
        var timers = TimerQueue()
        var incidents: [String] = []
    }

    private let state: Mutex<State>
    /// Chooses among ready jobs under `.random` scheduling.
    private let picker: SeededRandom?
    private let nowNanoseconds: Atomic<Int64>
    /// The thread inside `runUntilIdle`, or 0.
    private let driver = Atomic<UInt>(0)
    /// Jobs run so far; written only by the driving thread.
    public private(set) var jobsRun: UInt64 = 0

    /// - Parameters:
    ///   - start: the virtual time at which the simulation begins.
    ///   - scheduling: how to order jobs that are ready at the same instant.
    ///   - strict: report every escape from the simulator (see the type's documentation); use it in tests.
    public init(start: UnixTime = UnixTime(seconds: 0), scheduling: SchedulingPolicy = .fifo, strict: Bool = false) {
        self.scheduling = scheduling
        self.strict = strict
        if case .random(let seed) = scheduling {
            picker = SeededRandom(seed: seed)
        } else {
            picker = nil
        }
        state = Mutex(State())
        nowNanoseconds = Atomic(start.nanoseconds)
        sosw_install_global_enqueue_hook(adoptGlobalJob)
    }

    /// The current virtual time.
    public var now: UnixTime {
        UnixTime(nanoseconds: nowNanoseconds.load(ordering: .relaxed))
    }

    /// Sleeps waiting on the virtual clock (cancelled ones excluded).
    public var pendingSleeps: Int {
        state.withLock { $0.timers.waiting }
    }

    /// The clock that sleeps in this simulation's virtual time.
    public var clock: SimClock {
        SimClock(executor: self)
    }

    // MARK: TaskExecutor

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let foreign = strict && !isOnDriverThread
        state.withLock { state in
            if foreign {
                state.incidents.append(
                    "a job was enqueued from a thread that does not drive the simulation, at virtual time \(now)"
                )
            }
            state.ready.append(job)
        }
    }

    public func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    // MARK: Running

    /// Runs `body` as the root task of the simulation and drives the simulation until it has nothing left to
    /// do. Returns the root task's result.
    ///
    /// - Parameter limit: a virtual time the run must not pass; reaching it with the root task unfinished
    ///   throws ``Stuck``.
    /// - Throws: the root task's error; ``StrictModeViolation`` in strict mode when work escaped; ``Stuck``
    ///   when the root task never finishes.
    public func run<Result: Sendable>(
        until limit: UnixTime? = nil,
        _ body: @escaping @Sendable () async throws -> Result
    ) throws -> Result {
        let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
        claimDriverThread()
        _ = Task(executorPreference: self) {
            do {
                let value = try await body()
                outcome.withLock { $0 = .success(value) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
        }
        let reachedLimit = drive(until: limit)
        let incidents = state.withLock { $0.incidents }
        if !incidents.isEmpty {
            throw StrictModeViolation(incidents: incidents)
        }
        guard let result = outcome.withLock({ $0 }) else {
            let (pending, next) = state.withLock { state in (state.timers.waiting, state.timers.nextDeadline()) }
            throw Stuck(
                at: now,
                jobsRun: jobsRun,
                pendingSleeps: pending,
                nextDeadline: next.map(UnixTime.init(nanoseconds:)),
                limit: reachedLimit ? limit : nil
            )
        }
        return try result.get()
    }

    /// Runs ready jobs, advancing virtual time whenever none is ready, until nothing is left to do.
    public func runUntilIdle() {
        claimDriverThread()
        _ = drive(until: nil)
    }

    /// The loop behind `run` and `runUntilIdle`. Returns true when it stopped at `limit` with sleeps pending.
    private func drive(until limit: UnixTime?) -> Bool {
        defer { releaseDriverThread() }
        let executor = asUnownedTaskExecutor()
        var due: [UnsafeContinuation<Void, any Error>] = []
        while true {
            while let job = nextReadyJob() {
                jobsRun &+= 1
                job.runSynchronously(on: executor)
            }
            let advanced = state.withLock { state -> Bool? in
                guard let deadline = state.timers.nextDeadline() else { return false }
                if let limit, deadline > limit.nanoseconds { return nil }
                if deadline > nowNanoseconds.load(ordering: .relaxed) {
                    nowNanoseconds.store(deadline, ordering: .relaxed)
                }
                state.timers.popAll(at: deadline, into: &due)
                return true
            }
            switch advanced {
            case true?:
                for continuation in due { continuation.resume() }
                due.removeAll(keepingCapacity: true)
            case false?:
                return false
            case nil:
                return true
            }
        }
    }

    private func nextReadyJob() -> UnownedJob? {
        state.withLock { state in
            guard !state.ready.isEmpty else { return nil }
            if let picker, state.ready.count > 1 {
                let index = Int(picker.integer(below: UInt64(state.ready.count)))
                state.ready.swapAt(state.ready.startIndex, state.ready.startIndex + index)
            }
            return state.ready.removeFirst()
        }
    }

    // MARK: Virtual time

    /// Suspends the calling task until virtual time reaches `deadline` (at once-after-the-ready-jobs when the
    /// deadline has passed). Cancellation wakes it with `CancellationError` at the virtual time it happens.
    public func sleep(until deadline: UnixTime) async throws {
        if strict && !isOnDriverThread {
            state.withLock {
                $0.incidents.append(
                    "a sleep on the virtual clock was requested off the simulation thread, at virtual time \(now)"
                )
            }
        }
        let entry = TimerEntry()
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                let alreadyCancelled = state.withLock { state -> Bool in
                    if entry.cancelled { return true }
                    entry.continuation = continuation
                    let now = nowNanoseconds.load(ordering: .relaxed)
                    state.timers.schedule(entry, deadline: max(deadline.nanoseconds, now))
                    return false
                }
                if alreadyCancelled {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            state.withLock { $0.timers.cancel(entry) }?.resume(throwing: CancellationError())
        }
    }

    // MARK: Threads

    private var isOnDriverThread: Bool {
        driver.load(ordering: .relaxed) == UInt(bitPattern: currentThreadID())
    }

    private func claimDriverThread() {
        let me = UInt(bitPattern: currentThreadID())
        let (exchanged, holder) = driver.compareExchange(expected: 0, desired: me, ordering: .acquiringAndReleasing)
        precondition(
            exchanged || holder == me,
            "A SimExecutor is driven by one thread at a time; another thread is already running this simulation."
        )
        sosw_set_thread_job_context(Unmanaged.passUnretained(self).toOpaque())
    }

    private func releaseDriverThread() {
        sosw_set_thread_job_context(nil)
        driver.store(0, ordering: .releasing)
    }

    /// Takes a job the runtime meant for the global pool, started on this simulation's thread, so that it
    /// runs in the simulation's order instead of racing on another thread; strict mode reports it.
    fileprivate func adopt(_ job: UnownedJob) {
        state.withLock { state in
            if strict {
                state.incidents.append(
                    "work meant for the global pool (Task {}, Task.detached, or a task it resumed) was started "
                        + "inside the simulation at virtual time \(now); the simulator adopted it"
                )
            }
            state.ready.append(job)
        }
    }
}

/// The global-enqueue observer: only called on a thread that drives a strict simulator.
private func adoptGlobalJob(_ context: UnsafeMutableRawPointer, _ job: UnsafeMutableRawPointer) -> Bool {
    let executor = Unmanaged<SimExecutor>.fromOpaque(context).takeUnretainedValue()
    executor.adopt(unsafeBitCast(job, to: UnownedJob.self))
    return true
}

private func currentThreadID() -> Int {
    #if canImport(Glibc)
        Int(bitPattern: UInt(pthread_self()))
    #else
        Int(bitPattern: pthread_self())
    #endif
}
