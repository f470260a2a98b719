import SoswCore

/// A look into a scenario's world after its run, for a test that must check more than the figures: the items
/// left in the tables, what the Lambda fake ran, what SNS published, what CloudWatch holds, and the essentials
/// as the run wired them.
///
/// Given to the `inspect` hook of ``ScenarioRun/run(seed:scheduling:strict:eventsPath:keepsLines:progress:inspect:)``
/// once the run's ``ScenarioRun/Result`` is complete, so nothing an inspection does changes the result. The
/// reads of tables, statistics and messages are immediate and cost no simulated call; calls through
/// ``essentials`` go through the fakes like the run's own, on the same virtual clock, which goes on from
/// ``now``.
public struct ScenarioInspection: Sendable {
    let world: ScenarioWorld

    /// The virtual time the run stopped at.
    public let now: UnixTime

    init(world: ScenarioWorld, now: UnixTime) {
        self.world = world
        self.now = now
    }

    /// The essentials as the run wired them (its configuration, ports and seeded environment), e.g. to ask the
    /// TaskManager what is still queued.
    public var essentials: SoswEssentials<SimClock> { world.essentials }

    /// The DynamoDB fake's tables, sorted by name.
    public var tableNames: [String] { world.dynamoDB.tableNames }

    /// Every item of `table`, in key order; nil when the run has no such table.
    /// - Parameter table: a table name, e.g. `essentials.configuration.taskManager.closedTasksTable`.
    public func items(inTable table: String) -> [DynamoItem]? {
        world.dynamoDB.items(inTable: table)
    }

    /// The functions the Lambda fake knows: the scenario's, the WorkerAssistant's and the Scheduler's.
    public var functionNames: [String] { world.lambda.functionNames }

    /// What the Lambda fake counted for `function` (invocations, executions by outcome, throttles, retries);
    /// nil for a function it does not know.
    public func lambdaStatistics(of function: String) -> FunctionStatistics? {
        world.lambda.statistics(of: function)
    }

    /// Every message published to SNS during the run, in publication order.
    public var publishedNotifications: [PublishedNotification] { world.sns.notifications }

    /// What CloudWatch holds for `metric` from the start of the run to ``now``, per UTC minute with data.
    /// - Parameter metric: namespace, name and dimensions, as a labourer's health metric names them.
    public func minuteStatistics(of metric: MetricIdentity) -> [(minute: UnixTime, statistics: StatisticSet)] {
        world.cloudWatch.minuteStatistics(of: metric, from: world.scenario.start, through: now)
    }

    /// The AWS calls the essentials made, by operation (`dynamodb.Query`, `lambda.Invoke`), sorted: the run's,
    /// then any the inspection makes through ``essentials``.
    public var awsCalls: [OperationFigures] { world.awsCalls }
}
