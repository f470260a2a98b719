import SoswCore

/// A labourer's worker as sosw's Python `Worker` runs it: on completion it reports the task to the
/// WorkerAssistant with an asynchronous `Invoke` of the sosw payload, through the Lambda port.
struct ReportingWorker: WorkerBehaviour {
    let worker: Worker

    func complete(_ invocation: WorkerInvocation) async throws -> JSONValue? {
        let context = MetaContext(author: invocation.functionName, invocationID: invocation.requestID)
        try await MetaContext.$current.withValue(context) {
            try await worker.handle(event: invocation.payload) { _ in Worker.Report() }
        }
        return nil
    }
}

/// The WorkerAssistant deployed as its Lambda function: each execution records one worker's report.
struct WorkerAssistantFunction: WorkerBehaviour {
    let assistant: WorkerAssistant
    let essentialLog: EssentialLog

    func complete(_ invocation: WorkerInvocation) async throws -> JSONValue? {
        let run = essentialLog.started(.workerAssistant, extra: invocation.taskID.map { ["task_id": .string($0)] } ?? [:])
        let outcome = try await MetaContext.$current.withValue(
            .simulated(.workerAssistant, run: run, requestID: invocation.requestID)
        ) {
            try await assistant.handle(event: invocation.payload)
        }
        essentialLog.finished(.workerAssistant, run: run, ["outcome": .string(outcome.rawValue)])
        return nil
    }
}

/// The Scheduler deployed as its Lambda function: each execution chunks one job (or a sibling's remainder)
/// within the function's Timeout.
struct SchedulerFunction: WorkerBehaviour {
    let scheduler: Scheduler<SimClock>
    let essentialLog: EssentialLog

    func complete(_ invocation: WorkerInvocation) async throws -> JSONValue? {
        let run = essentialLog.started(.scheduler)
        let report = try await MetaContext.$current.withValue(.simulated(.scheduler, run: run, requestID: invocation.requestID)) {
            try await scheduler.run(event: invocation.payload, deadline: SimInstant(unixTime: invocation.deadline))
        }
        essentialLog.finished(.scheduler, run: run, [
            "labourer_id": .string(report.labourerID), "total": .int(Int64(report.total)),
            "written": .int(Int64(report.written)), "handed_off": .bool(report.handedOff != nil),
        ])
        return nil
    }
}
