import SoswCore

/// One run of a live essential: the input it needs, and the report it prints as one JSON object.
///
/// The same code serves the command line (`sosw orchestrator --live`, once or `--every`) and the Lambda
/// runtime (`sosw lambda`, one run per invocation), so an essential behaves the same whichever way it is
/// started.
public struct LiveRun<C: Clock<Duration>>: Sendable {
    public let essential: LiveEssential
    public let essentials: SoswEssentials<C>
    /// The function this essential runs as: the Scheduler hands the rest of a job to a new invocation of it.
    public let functionName: String

    public init(essential: LiveEssential, essentials: SoswEssentials<C>, functionName: String? = nil) {
        self.essential = essential
        self.essentials = essentials
        self.functionName = functionName ?? essential.functionName
    }

    /// Runs the essential once and returns its report.
    /// - Parameters:
    ///   - event: the Scheduler's job (or a sibling's continuation), the WorkerAssistant's worker report;
    ///     ignored by the Orchestrator and the Scavenger, which read everything from the tables.
    ///   - deadline: when the run must have finished (the Lambda invocation's deadline); the Scheduler hands
    ///     the rest of a job to a sibling before it.
    ///   - number: the run's number in a loop, from 1.
    /// - Throws: what the essential throws for bad input (``InvalidJob``, ``WorkerAssistantError``) or a
    ///   failed call; the Orchestrator and the Scavenger report per-labourer failures in their report instead.
    ///
    /// The audit trail's rows name ``functionName`` as their author, and the Lambda invocation when the
    /// caller bound its ``MetaContext``; a command-line run gives itself a fresh id instead.
    public func run(event: JSONValue, deadline: C.Instant, number: Int = 1) async throws -> JSONValue {
        let context = MetaContext.current ?? MetaContext(author: functionName, invocationID: UUIDSource().nextID())
        return try await MetaContext.$current.withValue(context) {
            try await runEssential(event: event, deadline: deadline, number: number)
        }
    }

    private func runEssential(event: JSONValue, deadline: C.Instant, number: Int) async throws -> JSONValue {
        switch essential {
        case .orchestrator:
            return await essentials.orchestrator().run().json
        case .scavenger:
            return await essentials.scavenger(run: number).run().json
        case .scheduler:
            let scheduler = try essentials.scheduler(functionName: functionName)
            return try await scheduler.run(event: event, deadline: deadline).json
        case .workerAssistant:
            return try await essentials.workerAssistant().handle(event: event).json
        }
    }

    /// Whether the report says that some labourer's work failed (a call that kept failing, a function that
    /// refused invocations): the command exits non-zero for such a run.
    public static func hasFailures(_ report: JSONValue) -> Bool {
        let invokeFailures = (report["labourers"]?.arrayValue ?? []).flatMap { $0["invoke_failures"]?.arrayValue ?? [] }
        return !(report["failures"]?.arrayValue ?? []).isEmpty || !invokeFailures.isEmpty
    }
}
