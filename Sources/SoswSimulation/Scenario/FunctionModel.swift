/// One simulated Lambda function (`lambda.functions.<name>`): the service's settings for it and the model of
/// the worker code it runs.
public struct FunctionModel: Sendable, Hashable {
    /// The function name, as the labourer's ARN ends.
    public var name: String
    /// The function's Timeout: an execution still running then is ended as an error (sosw's `max_duration`).
    public var timeout: Duration
    public var memoryMB: Int
    /// How long a completing or failing execution runs.
    public var duration: Distribution
    public var outcomes: WorkerOutcomes
    public var outcomeScope: OutcomeScope
    /// Lambda's own retries of an async event after a function error or timeout (0…2; AWS's default 2).
    public var maxRetryAttempts: Int
    /// How long Lambda keeps retrying a throttled async event before dropping it (60 s … 6 h; default 6 h).
    public var maxEventAge: Duration
    /// Concurrency set aside for (and limiting) this function; nil shares the account's unreserved pool.
    public var reservedConcurrency: Int?

    public init(
        name: String, timeout: Duration = FunctionModel.defaultTimeout, memoryMB: Int = 128, duration: Distribution,
        outcomes: WorkerOutcomes = .alwaysComplete, outcomeScope: OutcomeScope = .invocation, maxRetryAttempts: Int = 2,
        maxEventAge: Duration = FunctionModel.maximumEventAge, reservedConcurrency: Int? = nil
    ) {
        self.name = name
        self.timeout = timeout
        self.memoryMB = memoryMB
        self.duration = duration
        self.outcomes = outcomes
        self.outcomeScope = outcomeScope
        self.maxRetryAttempts = maxRetryAttempts
        self.maxEventAge = maxEventAge
        self.reservedConcurrency = reservedConcurrency
    }

    /// 900 s, the longest Lambda allows and sosw's default labourer duration; AWS's own default (3 s) would
    /// time out nearly every worker a scenario describes.
    public static let defaultTimeout: Duration = .seconds(900)
    /// The longest a function may run.
    public static let maximumTimeout: Duration = .seconds(900)
    /// Lambda keeps async events for at most 6 hours (and at least 60 seconds).
    public static let maximumEventAge: Duration = .seconds(6 * 3600)
    public static let minimumEventAge: Duration = .seconds(60)
}
