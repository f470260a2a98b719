import SoswCore
import Synchronization

/// Runs a built ``ScenarioWorld``: the Lambda service loop, every essential on its schedule (each run a
/// concurrent child task, so a slow run overlaps the next), the load generators and the fault windows, until
/// the stop condition; then cancels what is still going.
final class ScenarioDriver: Sendable {
    /// How often the driver checks the stop condition and reports progress (virtual time).
    static let checkInterval: Duration = .seconds(5)
    /// How many AWS calls the first crashing run of an essential is assumed to make (later ones draw their
    /// crash point among as many calls as the essential's last whole run made).
    static let firstCrashCalls = 10

    let world: ScenarioWorld
    let collector: RunCollector
    /// Stops the run at the next check once an invariant is broken.
    let invariants: InvariantChecker
    let progress: (@Sendable (_ simulated: Duration, _ limit: Duration) -> Void)?
    /// Load entries still to fire or still firing.
    private let activeLoads: Mutex<Int>

    init(
        world: ScenarioWorld, collector: RunCollector, invariants: InvariantChecker,
        progress: (@Sendable (Duration, Duration) -> Void)?
    ) {
        self.world = world
        self.collector = collector
        self.invariants = invariants
        self.progress = progress
        activeLoads = Mutex(world.scenario.load.count)
    }

    private var scenario: Scenario { world.scenario }
    private var clock: SimClock { world.clock }

    /// Runs to the stop condition; returns whether every task was closed with no load left to come.
    func run() async throws -> Bool {
        try await world.createTables()
        try world.registerFunctions()
        armFaults()
        let start = scenario.start
        let limit = start + scenario.stop.limit
        return await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.world.lambda.run() }
            for schedule in scenario.essentials where schedule.essential != .scheduler {
                group.addTask { await self.fire(schedule) }
            }
            if let schedule = scenario.schedule(of: .scheduler), let job = schedule.job {
                group.addTask { await self.sendScheduledJobs(job, on: schedule) }
            }
            for (index, entry) in scenario.load.enumerated() {
                group.addTask {
                    await self.generate(entry, index: index)
                    self.activeLoads.withLock { $0 -= 1 }
                }
            }
            for case .dynamoDBThrottle(let throttle) in scenario.faults {
                group.addTask { await self.announce(throttle) }
            }
            var drained = isDrained
            var now = start
            while now < limit {
                now = min(now + Self.checkInterval, limit)
                try? await clock.sleep(until: SimInstant(unixTime: now), tolerance: nil)
                progress?(now - start, scenario.stop.limit)
                drained = isDrained
                if case .whenDrained = scenario.stop, drained { break }
                if invariants.violation != nil { break }
            }
            group.cancelAll()
            return drained
        }
    }

    /// Every task created is closed, no load is still to come and no job is still being chunked.
    private var isDrained: Bool {
        activeLoads.withLock { $0 } == 0 && world.schedulerEventsInFlight == 0 && collector.openTasks == 0
    }

    // MARK: Essentials

    /// One essential's schedule: a run at `offset`, then every `every`, each delayed by a jitter draw; each
    /// run a child task, started twice with the overlap probability, cut short with the crash probability.
    private func fire(_ schedule: EssentialSchedule) async {
        let random = world.random.stream("essentials/\(schedule.essential.rawValue)")
        let fault = scenario.faults.lazy.compactMap { fault -> EssentialFault? in
            if case .essential(let essential) = fault, essential.essential == schedule.essential { return essential }
            return nil
        }.first
        let callsPerRun = CallsPerRun(assuming: Self.firstCrashCalls)
        await withDiscardingTaskGroup { runs in
            var tick = 0
            while !Task.isCancelled {
                var due = scenario.start + schedule.offset + schedule.every * tick
                if schedule.jitter > .zero { due = due + random.duration(.uniform(.zero, schedule.jitter)) }
                tick += 1
                do {
                    try await clock.sleep(until: SimInstant(unixTime: due), tolerance: nil)
                } catch {
                    return
                }
                var copies = 1
                if let fault, fault.overlap > 0, random.bernoulli(fault.overlap) {
                    copies = 2
                    world.essentialLog.fault("essential_overlap", ["essential": .string(schedule.essential.rawValue)])
                }
                for _ in 0..<copies {
                    var crash: EssentialCrash?
                    if let fault, fault.crash > 0 {
                        crash = random.bernoulli(fault.crash)
                            ? EssentialCrash(crashAt: Int(random.integer(below: UInt64(callsPerRun.count) + 1)))
                            : EssentialCrash(crashAt: nil)
                    }
                    runs.addTask {
                        await self.runOnce(schedule.essential, crash: crash)
                        if let crash, !crash.crashed { callsPerRun.record(crash.calls) }
                    }
                }
            }
        }
    }

    /// One run of an essential; with `crash`, its AWS calls are counted and it may die at the drawn one
    /// (logged as the fault `essential_crash` instead of its `essential.finished`).
    private func runOnce(_ essential: Essential, crash: EssentialCrash?) async {
        let began = clock.currentTime()
        defer { world.essentialRuns.record(essential, elapsed: clock.currentTime() - began) }
        guard let crash else {
            await perform(essential, crash: nil)
            return
        }
        await EssentialCrash.$current.withValue(crash) {
            await perform(essential, crash: crash)
        }
        if crash.crashed {
            world.essentialLog.fault("essential_crash", [
                "essential": .string(essential.rawValue), "at_call": .int(Int64(crash.crashAt ?? 0)),
            ])
        }
    }

    /// One run of `essential`; a run that crashed part-way logs no `essential.finished`.
    private func perform(_ essential: Essential, crash: EssentialCrash?) async {
        switch essential {
        case .orchestrator:
            let run = world.essentialLog.started(.orchestrator)
            let report = await MetaContext.$current.withValue(.simulated(.orchestrator, run: run)) {
                await world.essentials.orchestrator().run()
            }
            for labourer in report.labourers {
                world.log.record(.orchestratorLabourer, at: clock.currentTime(), [
                    "labourer_id": .string(labourer.labourerID), "health": .int(Int64(labourer.status.rawValue)),
                    "running": .int(Int64(labourer.running)), "desired": .int(Int64(labourer.desired)),
                    "invoked": .int(Int64(labourer.outcomes.filter { $0 == .invoked }.count)),
                ])
            }
            if crash?.crashed == true { return }
            world.essentialLog.finished(.orchestrator, run: run, [
                "invoked": .int(Int64(report.invoked)), "failures": .int(Int64(report.failures.count)),
            ])
        case .scavenger:
            let run = world.essentialLog.started(.scavenger)
            let report = await MetaContext.$current.withValue(.simulated(.scavenger, run: run)) {
                await world.essentials.scavenger(run: run).run()
            }
            if crash?.crashed == true { return }
            world.essentialLog.finished(.scavenger, run: run, [
                "archived": .int(Int64(report.labourers.reduce(0) { $0 + $1.archived })),
                "retried": .int(Int64(report.labourers.reduce(0) { $0 + $1.scheduledForRetry })),
                "dead": .int(Int64(report.labourers.reduce(0) { $0 + $1.dead })),
                "requeued": .int(Int64(report.labourers.reduce(0) { $0 + $1.requeued })),
                "failures": .int(Int64(report.failures.count)),
            ])
        case .scheduler, .workerAssistant:
            // Both run as Lambda functions, invoked with their events (a job, a worker's report).
            return
        }
    }

    // MARK: Load

    private func generate(_ entry: LoadEntry, index: Int) async {
        switch entry.trigger {
        case .at(let offset):
            guard (try? await clock.sleep(until: SimInstant(unixTime: scenario.start + offset), tolerance: nil)) != nil else { return }
            await produce(entry.work, index: index)
        case .every(let period, let from, let until):
            var offset = from
            while until.map({ offset <= $0 }) ?? true, offset <= scenario.stop.limit {
                guard (try? await clock.sleep(until: SimInstant(unixTime: scenario.start + offset), tolerance: nil)) != nil else { return }
                await produce(entry.work, index: index)
                offset += period
            }
        }
    }

    private func produce(_ work: LoadWork, index: Int) async {
        switch work {
        case .job(let job):
            world.log.record(.loadJob, at: clock.currentTime(), ["entry": .int(Int64(index))])
            do {
                _ = try await world.essentials.ports.lambda.invoke(
                    InvokeInput(functionName: ScenarioWorld.schedulerFunction, invocationType: .event, json: job))
            } catch {
                loadFailed(index, error)
            }
        case .tasks(let batch):
            world.log.record(.loadTasks, at: clock.currentTime(), [
                "entry": .int(Int64(index)), "labourer_id": .string(batch.labourer), "count": .int(Int64(batch.count)),
            ])
            await create(batch.count, of: batch.labourer, payload: batch.payload, index: index)
        case .rate(let rate):
            let began = clock.currentTime()
            var owed = 0.0
            var elapsed = Duration.zero
            while elapsed < rate.over {
                guard (try? await clock.sleep(for: .seconds(1))) != nil else { return }
                elapsed = clock.currentTime() - began
                owed += rate.perMinute.perMinute(after: elapsed, over: rate.over) / 60
                let count = Int(owed.rounded(.down))
                owed -= Double(count)
                if count > 0 { await create(count, of: rate.labourer, payload: rate.payload, index: index) }
            }
        }
    }

    private func create(_ count: Int, of labourer: String, payload: JSONValue, index: Int) async {
        let arguments = Array(repeating: payload.objectValue ?? [:], count: count)
        do {
            _ = try await world.taskManager.createTasks(labourerID: labourer, arguments: arguments)
        } catch {
            loadFailed(index, error)
        }
    }

    private func loadFailed(_ index: Int, _ error: any Error) {
        guard !(error is CancellationError) else { return }
        world.log.record(.loadFailed, at: clock.currentTime(), [
            "entry": .int(Int64(index)), "error": .string(String(describing: error)),
        ])
    }

    // MARK: Faults

    /// Configures the fakes' fault hooks for the whole run and logs each fault as armed.
    private func armFaults() {
        let start = scenario.start
        for fault in scenario.faults {
            switch fault {
            case .dynamoDBThrottle(let throttle):
                let from = SimInstant(unixTime: start + throttle.from)
                world.dynamoDB.setThrottling(
                    ThrottlingFault(
                        probability: throttle.probability, window: from..<from.advanced(by: throttle.duration),
                        kind: throttle.kind == .throttling ? .throttling : .provisionedThroughputExceeded),
                    forTable: throttle.table, index: throttle.index)
            case .dynamoDBIndexLag(let lag):
                world.dynamoDB.setIndexLag(lag.lag, forTable: lag.table, index: lag.index)
                world.essentialLog.fault("dynamodb_index_lag", ["table": .string(lag.table), "index": .string(lag.index)])
            case .lambdaDuplicateDelivery(let probability):
                world.lambda.setDuplicateDeliveryProbability(probability)
                world.essentialLog.fault("lambda_duplicate_delivery", ["probability": .double(probability)])
            case .lambdaLateDelivery, .lambdaLostEvent, .lambdaTimeout:
                world.lambda.setDeliveryFaults(Self.deliveryFaults(of: scenario.faults))
            case .essential, .dynamoDBLatencySpike, .dynamoDBInternalError, .dynamoDBConditionalRace,
                .lambdaTooManyRequests, .cloudWatchMissingDatapoints, .cloudWatchDelayedDatapoints, .snsPublishFailure:
                // Fault points of the ports (``PortFaults``) and of the essentials' runs.
                continue
            }
        }
    }

    /// The faults of Lambda's handling of async events among `faults`.
    static func deliveryFaults(of faults: [Fault]) -> LambdaDeliveryFaults {
        var delivery = LambdaDeliveryFaults()
        for fault in faults {
            switch fault {
            case .lambdaLateDelivery(let late): delivery.lateDelivery = late
            case .lambdaLostEvent(let probability): delivery.lostEvent = probability
            case .lambdaTimeout(let probability): delivery.timeout = probability
            default: continue
            }
        }
        return delivery
    }

    /// Logs the beginning and the end of a throttling window.
    private func announce(_ throttle: DynamoDBThrottle) async {
        var fields: EventFields = ["table": .string(throttle.table), "probability": .double(throttle.probability)]
        if let index = throttle.index { fields["index"] = .string(index) }
        guard (try? await clock.sleep(until: SimInstant(unixTime: scenario.start + throttle.from), tolerance: nil)) != nil else { return }
        world.essentialLog.fault("dynamodb_throttle_began", fields)
        guard (try? await clock.sleep(for: throttle.duration)) != nil else { return }
        world.essentialLog.fault("dynamodb_throttle_ended", fields)
    }
}
