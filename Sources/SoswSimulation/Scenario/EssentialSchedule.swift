import SoswCore

/// When one essential runs (`essentials.<name>: {every, offset, jitter}`), as an EventBridge rule would trigger
/// it: the first run at `offset` after the start, then every `every`, each delayed by a uniform draw in
/// `[0, jitter)` so that runs of different essentials do not always fall on the same instant. The Scheduler runs
/// on its schedule only with a `job` to send it.
public struct EssentialSchedule: Sendable, Hashable {
    public var essential: Essential
    public var every: Duration
    public var offset: Duration
    public var jitter: Duration
    /// The Scheduler's job (`essentials.scheduler.job`), sent to it at every run as a cron rule's constant input
    /// would be; nil for the other essentials.
    public var job: JSONValue?

    public init(
        essential: Essential, every: Duration, offset: Duration = .zero, jitter: Duration = .zero, job: JSONValue? = nil
    ) {
        self.essential = essential
        self.every = every
        self.offset = offset
        self.jitter = jitter
        self.job = job
    }

    /// What a scenario without `essentials:` gets: the Orchestrator and the Scavenger every minute, sosw's usual
    /// deployment. The Scheduler then runs only when a `load` entry sends it a job.
    public static let defaults: [EssentialSchedule] = [
        EssentialSchedule(essential: .orchestrator, every: .seconds(60)),
        EssentialSchedule(essential: .scavenger, every: .seconds(60)),
    ]
}
