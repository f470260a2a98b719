/// sosw's essentials wired to one configuration, one set of AWS ports and one environment: the same wiring
/// for a simulation (fakes, virtual clock, seeded sources) and for production (live clients, system clocks).
///
/// One TaskManager is shared by every essential, as the essentials of one deployment share sosw's tables.
/// Production runs one essential per process: build this once and ask for the one essential, e.g.
/// `try essentials.scheduler().run(event:deadline:)`.
public struct SoswEssentials<C: Clock<Duration>>: Sendable {
    /// The Scheduler's function name in sosw's deployment: where a Scheduler hands the rest of a job.
    public static var schedulerFunction: String { "sosw_scheduler" }

    public let configuration: SoswConfiguration
    public let ports: SoswPorts
    public let environment: SoswEnvironment<C>
    /// Task persistence shared by every essential.
    public let taskManager: TaskManager
    /// The audit trail shared by every essential; nil when the configuration has none.
    public let meta: MetaHandler?

    /// - Parameters:
    ///   - configuration: sosw's configuration as the essentials read it, e.g. `try SoswConfiguration(custom:
    ///     document)` with the labourers, the tables and the Scavenger's topic.
    ///   - ports: the AWS the essentials call: live clients in production, the simulation's fakes (counted or
    ///     not) in a run or a test.
    ///   - environment: clocks, random sources, task ids, the logger and the task-event observer; a
    ///     simulation's are virtual and seeded, so the essentials' behaviour depends on its seed alone.
    public init(configuration: SoswConfiguration, ports: SoswPorts, environment: SoswEnvironment<C>) {
        self.configuration = configuration
        self.ports = ports
        self.environment = environment
        let meta = configuration.metaHandler.map {
            MetaHandler(config: $0, dynamoDB: ports.dynamoDB, wallClock: environment.wallClock, logger: environment.logger)
        }
        self.meta = meta
        taskManager = TaskManager(
            config: configuration.taskManager, dynamoDB: ports.dynamoDB, lambda: ports.lambda, clock: environment.clock,
            wallClock: environment.wallClock, random: environment.random("task-manager"), ids: environment.ids,
            logger: environment.logger, observer: environment.observer, meta: meta)
    }

    /// An Orchestrator with a fresh Ecology, as a new Lambda container runs one: no metric values or running
    /// counts remembered from earlier runs.
    public func orchestrator() -> Orchestrator {
        let ecology = Ecology(
            cloudWatch: ports.cloudWatch, wallClock: environment.wallClock, logger: environment.logger,
            defaultMetricValues: configuration.taskManager.defaultMetricValues)
        return Orchestrator(config: configuration.orchestrator, taskManager: taskManager, ecology: ecology, logger: environment.logger)
    }

    /// A Scavenger with its own ``notifier()``.
    /// - Parameter run: names the random source of its retry-delay jitter (`scavenger/<run>`), so several
    ///   runs in one simulation each draw their own; production runs one per process and keeps the default.
    public func scavenger(run: Int = 1) -> Scavenger {
        Scavenger(
            config: configuration.scavenger, taskManager: taskManager, notifier: notifier(),
            random: environment.random("scavenger/\(run)"), logger: environment.logger)
    }

    /// A new dead-task notifier for the configured topic, with the SNS client of the topic's region. Each
    /// holds its own unpublished messages, so give each Scavenger run its own.
    public func notifier() -> Notifier {
        Notifier(config: configuration.scavenger, makeClient: ports.sns, logger: environment.logger)
    }

    /// A Scheduler deployed as `functionName`, where it hands the rest of a job when its time runs out.
    /// - Parameter periodHandlers: handlers for the configured `custom_period_patterns`, by sosw method name.
    /// - Throws: ``ConfigError`` when a custom period pattern does not compile or has no handler.
    public func scheduler(
        functionName: String = SoswEssentials.schedulerFunction, periodHandlers: [String: PeriodResolver.Handler] = [:]
    ) throws -> Scheduler<C> {
        try Scheduler(
            config: configuration.scheduler, taskManager: taskManager, lambda: ports.lambda, functionName: functionName,
            periodHandlers: periodHandlers, clock: environment.clock, wallClock: environment.wallClock,
            random: environment.random("scheduler"), logger: environment.logger)
    }

    /// A WorkerAssistant recording workers' reports in the configured tasks table.
    public func workerAssistant() -> WorkerAssistant {
        WorkerAssistant(
            tasksTable: configuration.taskManager.tasksTable, dynamoDB: ports.dynamoDB, wallClock: environment.wallClock,
            logger: environment.logger, observer: environment.observer, meta: meta)
    }
}
