import SoswCore

/// One source of work (`load:`): when it fires and what it creates.
public struct LoadEntry: Sendable, Hashable {
    public var trigger: LoadTrigger
    public var work: LoadWork

    public init(trigger: LoadTrigger, work: LoadWork) {
        self.trigger = trigger
        self.work = work
    }
}

/// When a load entry fires, as offsets from the scenario's start.
public enum LoadTrigger: Sendable, Hashable {
    /// `at: 0s`: once.
    case at(Duration)
    /// `every: 1h` (with optional `from`, default 0s, and `until`, inclusive): repeatedly, like a cron rule.
    case every(Duration, from: Duration, until: Duration?)
}

/// What a load entry creates.
public enum LoadWork: Sendable, Hashable {
    /// `job: {...}`: a Scheduler job, sent to the Scheduler as its event, which chunks it into tasks as in
    /// production (`lambda_name` names the labourer).
    case job(JSONValue)
    /// `tasks: {labourer, count, payload}`: tasks created directly, each with the payload.
    case tasks(TaskBatch)
    /// `rate: {labourer, per_minute, over, payload}`: tasks created continuously following a rate curve.
    case rate(RateLoad)
}

/// `count` tasks for `labourer`, each with `payload` (an object).
public struct TaskBatch: Sendable, Hashable {
    public var labourer: String
    public var count: Int
    public var payload: JSONValue

    public init(labourer: String, count: Int, payload: JSONValue = .object([:])) {
        self.labourer = labourer
        self.count = count
        self.payload = payload
    }
}

/// Tasks for `labourer` at `perMinute` tasks a minute, for `over` from when the entry fires.
public struct RateLoad: Sendable, Hashable {
    public var labourer: String
    public var perMinute: RateCurve
    public var over: Duration
    public var payload: JSONValue

    public init(labourer: String, perMinute: RateCurve, over: Duration, payload: JSONValue = .object([:])) {
        self.labourer = labourer
        self.perMinute = perMinute
        self.over = over
        self.payload = payload
    }
}

/// Tasks per minute as a function of the time since a rate load began.
public enum RateCurve: Sendable, Hashable {
    /// `{constant: 20}`.
    case constant(Double)
    /// `{ramp: [0, 100]}`: linear from the first value to the second over the load's `over`.
    case ramp(from: Double, to: Double)
    /// `{step: [[0s, 10], [30m, 50]]}`: each rate holds from its offset until the next; the first offset is 0s.
    case step([TimedValue])
    /// `{sine: {mean, amplitude, period}}`: `mean + amplitude × sin(2π t / period)`, never negative.
    case sine(mean: Double, amplitude: Double, period: Duration)
}
