/// Every kind of event a scenario run writes to `events.jsonl`, in one place so that the writers (the task
/// logger, the essentials' log, the fakes, the driver) and the reader that turns the log into figures
/// (``RunCollector``) cannot drift apart.
///
/// The raw values are a contract with whoever reads the log (scripts, notebooks, the pinned hashes): they never
/// change, only new ones are added.
public enum RunEvent: String, CaseIterable, Sendable {
    // MARK: Tasks, as the essentials change them (each with `task_id` and `labourer_id`)

    /// Written to `sosw_tasks`: logged when the batch write holding the task finished.
    case taskCreated = "task.created"
    /// Marked invoked and accepted by Lambda, with `attempt`.
    case taskInvoked = "task.invoked"
    /// The WorkerAssistant recorded the worker's completion.
    case taskCompleted = "task.completed"
    /// The Scavenger found the task past its expiry window, with `attempts`.
    case taskExpired = "task.expired"
    /// Moved to `sosw_retry_tasks` by the Scavenger (a sosw retry), with `retry_at`.
    case taskRetryScheduled = "task.retry_scheduled"
    /// Put back at the head of the queue from `sosw_retry_tasks`.
    case taskRequeued = "task.requeued"
    /// Out of attempts, with `attempts`.
    case taskDead = "task.dead"
    /// Moved to `sosw_closed_tasks`, with `outcome` (`completed` or `dead`).
    case taskArchived = "task.archived"

    // MARK: Lambda executions and the service's own handling of async events (each with `function`)

    /// An execution of a function began (`task_id` when the payload names one, `attempt`, `duplicate`).
    case workerStarted = "worker.started"
    /// An execution ended, with `outcome` and `duration`.
    case workerFinished = "worker.finished"
    /// No concurrency for an invocation: a sync call refused, an async delivery put back.
    case lambdaThrottled = "lambda.throttled"
    /// Lambda will run a failed async event again by itself (not a sosw retry), with `attempt` and `retry_at`.
    case lambdaRetryScheduled = "lambda.retry_scheduled"
    /// Lambda will deliver an async event a second time (at-least-once delivery).
    case lambdaDuplicateDelivery = "lambda.duplicate_delivery"
    /// Lambda gave up on an async event, with `reason`.
    case lambdaEventDropped = "lambda.event_dropped"

    // MARK: Essentials, load and faults

    /// A run of an essential began, with `essential` and `run`.
    case essentialStarted = "essential.started"
    /// A run of an essential ended, with what it did.
    case essentialFinished = "essential.finished"
    /// One labourer as an Orchestrator run saw it: `health`, `running`, `desired`, `invoked`.
    case orchestratorLabourer = "orchestrator.labourer"
    /// A load entry sent a job to the Scheduler.
    case loadJob = "load.job"
    /// A load entry created tasks directly, with `count`.
    case loadTasks = "load.tasks"
    /// A load entry could not create its tasks or send its job, with `error`.
    case loadFailed = "load.failed"
    /// An injected fault, with `kind`.
    case fault = "fault"
    /// A notification published to SNS.
    case snsPublished = "sns.published"
}
