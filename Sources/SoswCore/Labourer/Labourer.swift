/// One worker type: a Lambda function the Orchestrator feeds from its own queue in `sosw_tasks`.
///
/// Built from `task_config.labourers.<id>` (see ``TaskManagerConfig``) with every fallback already resolved, so
/// the essentials never look a setting up twice. Unlike sosw 0.7, `duration` and `cooldown` may be set per
/// labourer (fixed here: docs/sosw-compatibility.md) and the retry delay is a per-labourer policy.
public struct Labourer: Hashable, Sendable {
    /// sosw's `Labourer.DEFAULTS['duration']`: how long an invoked task counts as running.
    public static let defaultDuration: Duration = .seconds(900)
    /// sosw's `Labourer.DEFAULTS['cooldown']`: the grace period after `duration` before a task counts as expired.
    public static let defaultCooldown: Duration = .seconds(300)

    /// The labourer id: the worker's function name, and the `labourer_id` of its tasks.
    public var id: String
    /// The function to invoke (`FunctionName` of the async Invoke).
    public var arn: String
    /// The concurrency cap before the health coefficient is applied.
    public var maxSimultaneousInvocations: Int
    /// How many invocations a task gets before it is closed as dead.
    public var maxAttempts: Int
    /// Health metrics whose worst status scales the invocations (empty: always `high`).
    public var healthMetrics: [HealthMetric]
    public var duration: Duration
    public var cooldown: Duration
    /// How long an expired task waits in `sosw_retry_tasks` before it goes back to the queue.
    public var retryDelay: RetryDelayPolicy
    /// The function's timeout when configured (`max_duration`); otherwise the TaskManager asks Lambda
    /// (`GetFunctionConfiguration` → `Timeout`), as sosw does.
    public var maxDuration: Duration?

    public init(
        id: String,
        arn: String,
        maxSimultaneousInvocations: Int = 1,
        maxAttempts: Int = 3,
        healthMetrics: [HealthMetric] = [],
        duration: Duration = Labourer.defaultDuration,
        cooldown: Duration = Labourer.defaultCooldown,
        retryDelay: RetryDelayPolicy = .linear,
        maxDuration: Duration? = nil
    ) {
        self.id = id
        self.arn = arn
        self.maxSimultaneousInvocations = maxSimultaneousInvocations
        self.maxAttempts = maxAttempts
        self.healthMetrics = healthMetrics
        self.duration = duration
        self.cooldown = cooldown
        self.retryDelay = retryDelay
        self.maxDuration = maxDuration
    }

    /// The markers of a run starting at `start` (sosw's `register_labourers`).
    public func markers(start: UnixTime, policy: GreenfieldPolicy) -> LabourerMarkers {
        LabourerMarkers(start: start, policy: policy, duration: duration, cooldown: cooldown)
    }

    /// sosw's `should_retry_task`: an expired task is retried while it has had fewer than `maxAttempts`
    /// invocations, so it is invoked at most `maxAttempts` times.
    public func shouldRetry(attempts: Int) -> Bool {
        attempts < maxAttempts
    }
}
