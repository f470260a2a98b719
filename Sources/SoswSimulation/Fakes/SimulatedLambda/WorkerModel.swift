/// How the executions of one function behave in the simulation: their duration, their outcome, and which
/// executions share an outcome.
public struct WorkerModel: Sendable, Hashable {
    public var duration: WorkerDuration
    public var outcomes: WorkerOutcomes
    public var outcomeScope: OutcomeScope
    /// The payload member that identifies a task (sosw puts `task_id` at the top level of the event); used for
    /// ``OutcomeScope/task`` and to label the execution events. Payloads without it are scoped per invocation.
    public var taskIDField: String

    public init(
        duration: WorkerDuration,
        outcomes: WorkerOutcomes = .alwaysComplete,
        outcomeScope: OutcomeScope = .invocation,
        taskIDField: String = "task_id"
    ) {
        self.duration = duration
        self.outcomes = outcomes
        self.outcomeScope = outcomeScope
        self.taskIDField = taskIDField
    }
}
