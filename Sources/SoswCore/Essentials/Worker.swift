/// The task side of a worker written in Swift, doing what sosw's Python `Worker` does: it reads the
/// `task_id` of the event the Orchestrator sent and reports the task to the WorkerAssistant with an
/// asynchronous `Invoke` of the same payload a Python worker sends.
public struct Worker: Sendable {
    /// What the work reports besides success: flattened into `stat_<k>` / `result_<k>` on the task.
    public struct Report: Sendable {
        public var stats: [String: JSONValue]
        public var result: [String: JSONValue]

        public init(stats: [String: JSONValue] = [:], result: [String: JSONValue] = [:]) {
            self.stats = stats
            self.result = result
        }
    }

    let lambda: any Lambda
    /// `sosw_worker_assistant_lambda`.
    public let workerAssistantFunction: String
    /// The audit trail of the worker's own `meta_handler_config`: `completed` / `failed` after each report sent.
    public let meta: MetaHandler?

    public init(lambda: any Lambda, workerAssistantFunction: String = "sosw_worker_assistant", meta: MetaHandler? = nil) {
        self.lambda = lambda
        self.workerAssistantFunction = workerAssistantFunction
        self.meta = meta
    }

    /// Runs `work` on the event; on success reports the task completed, on failure reports it failed and
    /// rethrows (the task then expires and is retried, as with a Python worker). An event without a
    /// `task_id` (a direct call, not from the Orchestrator) is run without reports.
    public func handle(event: JSONValue, work: (JSONValue) async throws -> Report) async throws {
        let taskID = event["task_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let report: Report
        do {
            report = try await work(event)
        } catch {
            if let taskID { try? await send(.markTaskAsFailed, taskID: taskID, report: Report()) }
            throw error
        }
        if let taskID { try await send(.markTaskAsCompleted, taskID: taskID, report: report) }
    }

    /// Sends one report: `{"action", "task_id", "stats"?, "result"?}` (empty ones left out, as sosw does),
    /// then posts it to the audit trail, as sosw's Worker does.
    public func send(_ action: WorkerAssistantRequest.Action, taskID: String, report: Report) async throws {
        var payload: [String: JSONValue] = ["action": .string(action.rawValue), "task_id": .string(taskID)]
        if !report.stats.isEmpty { payload["stats"] = .object(report.stats) }
        if !report.result.isEmpty { payload["result"] = .object(report.result) }
        _ = try await lambda.invoke(InvokeInput(functionName: workerAssistantFunction, invocationType: .event, json: .object(payload)))
        if let meta {
            await meta.post(taskID: taskID, action: action == .markTaskAsCompleted ? .completed : .failed)
        }
    }
}
