import Logging

/// sosw's Orchestrator: on every trigger, for each labourer, invokes as many queued tasks as its health
/// and running count allow.
public final class Orchestrator: Sendable {
    public let config: OrchestratorConfig
    public let taskManager: TaskManager
    public let ecology: Ecology
    let logger: Logger
    public let stats: StatsCounter

    /// What one run did for one labourer.
    public struct LabourerRun: Hashable, Sendable {
        public var labourerID: String
        public var status: EcoStatus
        public var running: Int
        public var desired: Int
        public var outcomes: [InvocationOutcome]

        /// `{"labourer_id", "health" (0 bad … 4 high), "running", "desired", "invoked", "skipped_concurrent",
        /// "skipped_invalid_payload", "invoke_failures" (the errors)}`.
        public var json: JSONValue {
            var counts = ["invoked": 0, "skipped_concurrent": 0, "skipped_invalid_payload": 0]
            var invokeFailures: [JSONValue] = []
            for outcome in outcomes {
                switch outcome {
                case .invoked: counts["invoked", default: 0] += 1
                case .skippedConcurrent: counts["skipped_concurrent", default: 0] += 1
                case .skippedInvalidPayload: counts["skipped_invalid_payload", default: 0] += 1
                case .invokeFailed(let error): invokeFailures.append(.string(error))
                }
            }
            var json: [String: JSONValue] = [
                "labourer_id": .string(labourerID), "health": .int(Int64(status.rawValue)),
                "running": .int(Int64(running)), "desired": .int(Int64(desired)), "invoke_failures": .array(invokeFailures),
            ]
            for (name, count) in counts { json[name] = .int(Int64(count)) }
            return .object(json)
        }
    }

    /// What one run did.
    public struct Report: Hashable, Sendable {
        public var labourers: [LabourerRun] = []
        public var failures: [LabourerFailure] = []

        public var invoked: Int {
            labourers.reduce(0) { $0 + $1.outcomes.filter { $0 == .invoked }.count }
        }

        /// `{"invoked", "labourers": [``LabourerRun/json``], "failures": [``LabourerFailure/json``]}`: what a
        /// run prints (``JSONValue/serialized()`` sorts the keys).
        public var json: JSONValue {
            ["invoked": .int(Int64(invoked)), "labourers": .array(labourers.map(\.json)), "failures": .array(failures.map(\.json))]
        }
    }

    public init(
        config: OrchestratorConfig, taskManager: TaskManager, ecology: Ecology, logger: Logger = .sosw,
        stats: StatsCounter = StatsCounter()
    ) {
        self.config = config
        self.taskManager = taskManager
        self.ecology = ecology
        self.logger = logger
        self.stats = stats
    }

    /// One Orchestrator invocation: registers the labourers, then serves each in config order. A labourer
    /// that fails is logged, counted and reported; the others are still served.
    public func run() async -> Report {
        stats.increment("runs")
        ecology.beginRun()
        var report = Report()
        for labourer in taskManager.registerLabourers() {
            do {
                report.labourers.append(try await invoke(for: labourer))
            } catch {
                stats.increment("labourer_failures")
                logger.error("orchestrator: labourer \(labourer.id) failed: \(error)")
                report.failures.append(LabourerFailure(labourerID: labourer.id, stage: "invoke", error: String(describing: error)))
            }
        }
        return report
    }

    /// sosw's `invoke_for_labourer`, one labourer's step of ``run()``: reads its health, counts its running
    /// tasks, and invokes as many queued tasks as the health's share of its cap leaves room for. Public so a
    /// regression test can drive one labourer at a precise moment; ``run()`` is what production calls.
    /// - Parameter labourer: one of ``TaskManager/registerLabourers()``, whose markers (the run's start,
    ///   invoked and expired boundaries) fix which tasks count as running and queued. Call
    ///   ``Ecology/beginRun()`` before the first labourer of a run, as ``run()`` does, so health and running
    ///   counts are read afresh rather than reused from an earlier run.
    /// - Returns: the health read, the running and desired counts, and each queued task's outcome.
    /// - Throws: the first failed read or invocation; the tasks invoked before it stay invoked.
    public func invoke(for labourer: RegisteredLabourer) async throws -> LabourerRun {
        let status = try await ecology.status(of: labourer.labourer)
        var run = LabourerRun(labourerID: labourer.id, status: status, running: 0, desired: 0, outcomes: [])
        // No coefficient, no count: a labourer that may not run costs no running-count query.
        guard config.coefficients[status] > 0, labourer.labourer.maxSimultaneousInvocations > 0 else { return run }
        run.running = try await ecology.runningTasks(labourerID: labourer.id) {
            try await taskManager.countRunningTasks(for: labourer)
        }
        run.desired = config.coefficients.desiredInvocations(
            cap: labourer.labourer.maxSimultaneousInvocations, status: status, running: run.running)
        guard run.desired > 0 else { return run }
        for task in try await taskManager.nextTasks(for: labourer, count: run.desired) {
            run.outcomes.append(try await taskManager.invoke(task, for: labourer))
        }
        ecology.addRunningTasks(run.outcomes.filter { $0 == .invoked }.count, labourerID: labourer.id)
        return run
    }
}
