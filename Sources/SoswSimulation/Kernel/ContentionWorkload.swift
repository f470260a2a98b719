import SoswCore

/// The kernel's built-in workload: several actors race to claim keys in a shared store with the
/// read → wait → conditional-write pattern at the heart of sosw (read a task, call a service, mark it
/// invoked only if nobody else did).
///
/// It exercises what determinism depends on (actors, child tasks, virtual sleeps, seeded latencies, conflicts
/// whose outcome depends on interleaving), so its event-log hash is the kernel's reproducibility check, and it
/// is what `sosw simulate` runs until a scenario file asks for more.
public struct ContentionWorkload: Sendable, Hashable {
    /// Concurrent claimers.
    public var workers: Int
    /// Claims each worker attempts.
    public var iterations: Int
    /// Distinct keys they compete for; fewer keys, more conflicts.
    public var keys: Int
    /// The virtual latency between the read and the conditional write.
    public var latency: Distribution

    public init(
        workers: Int = 3,
        iterations: Int = 1000,
        keys: Int = 16,
        latency: Distribution = .lognormal(median: .milliseconds(5), p99: .milliseconds(25))
    ) {
        self.workers = workers
        self.iterations = iterations
        self.keys = keys
        self.latency = latency
    }

    /// What a run produced.
    public struct Outcome: Sendable, Hashable {
        public var won: Int
        public var lost: Int
    }

    /// Runs the workload as the root task of `executor`, logging into `log`.
    /// - Parameter random: the run's randomness; each worker draws from its own stream of it.
    public func run(on executor: SimExecutor, random: SeededRandom, log: EventLog) throws -> Outcome {
        let clock = executor.clock
        let store = VersionedStore(keys: keys)
        let workload = self
        return try executor.run {
            log.record("workload.started", at: clock.currentTime(), [
                "workers": .int(Int64(workload.workers)), "iterations": .int(Int64(workload.iterations)),
                "keys": .int(Int64(workload.keys)),
            ])
            let outcome = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for index in 0..<workload.workers {
                    let claimer = Claimer(
                        id: "worker-\(index)", store: store, clock: clock, random: random.stream("worker-\(index)"),
                        log: log
                    )
                    group.addTask {
                        try await claimer.claim(times: workload.iterations, keys: workload.keys, latency: workload.latency)
                    }
                }
                var total = Outcome(won: 0, lost: 0)
                for try await part in group {
                    total.won += part.won
                    total.lost += part.lost
                }
                return total
            }
            log.record("workload.finished", at: clock.currentTime(), [
                "won": .int(Int64(outcome.won)), "lost": .int(Int64(outcome.lost)),
            ])
            return outcome
        }
    }
}

/// Keys with a version each; a write succeeds only if the version is still the one the writer read.
private actor VersionedStore {
    private var versions: [Int]

    init(keys: Int) {
        versions = Array(repeating: 0, count: keys)
    }

    func read(_ key: Int) -> Int {
        versions[key]
    }

    func write(_ key: Int, expecting version: Int) -> Bool {
        guard versions[key] == version else { return false }
        versions[key] += 1
        return true
    }
}

private actor Claimer {
    let id: String
    let store: VersionedStore
    let clock: SimClock
    let random: SeededRandom
    let log: EventLog

    init(id: String, store: VersionedStore, clock: SimClock, random: SeededRandom, log: EventLog) {
        self.id = id
        self.store = store
        self.clock = clock
        self.random = random
        self.log = log
    }

    func claim(times: Int, keys: Int, latency: Distribution) async throws -> ContentionWorkload.Outcome {
        var outcome = ContentionWorkload.Outcome(won: 0, lost: 0)
        for _ in 0..<times {
            let key = Int(random.integer(below: UInt64(keys)))
            let version = await store.read(key)
            try await clock.sleep(for: random.duration(latency))
            let won = await store.write(key, expecting: version)
            if won { outcome.won += 1 } else { outcome.lost += 1 }
            log.record(won ? "claim.won" : "claim.lost", at: clock.currentTime(), [
                "worker": .string(id), "key": .int(Int64(key)), "version": .int(Int64(version)),
            ])
        }
        return outcome
    }
}
