/// Every essential's settings, read once from sosw's configuration documents: what ``SoswEssentials`` builds
/// the TaskManager, Orchestrator, Scavenger and Scheduler from.
///
/// The documents are merged as ``ConfigLayers`` describes (each essential's defaults, then
/// `sosw_essential_config`, then `<function>_config`, then custom settings), and every essential's settings
/// are checked at once, so a bad value fails when the configuration is read rather than when the essential
/// that needs it first runs.
public struct SoswConfiguration: Sendable {
    public let taskManager: TaskManagerConfig
    public let orchestrator: OrchestratorConfig
    public let scavenger: ScavengerConfig
    public let scheduler: SchedulerConfig
    /// The audit trail's settings (`meta_handler_config`); nil when it is off.
    public let metaHandler: MetaHandlerConfig?
    /// Each labourer's id with the name of the function its `arn` refers to, sorted by id.
    public let labourerFunctions: [(id: String, function: String)]

    /// Reads the documents of one deployment: `essential` is `sosw_essential_config`, `function` the
    /// `<function>_config` of the essential that reads them, `custom` settings given in code. A simulation
    /// passes its one `config` document as `custom`.
    ///
    /// Throws ``ConfigError`` naming the first key path whose value an essential cannot use.
    public init(essential: JSONValue = [:], function: JSONValue = [:], custom: JSONValue = [:]) throws {
        let documents = ConfigLayers(defaults: [:], essential: essential, function: function, custom: custom)
        // Each essential's settings type lays its own defaults under the merged documents.
        taskManager = try documents.taskManagerConfig()
        orchestrator = try OrchestratorConfig(document: documents.merged)
        scavenger = try ScavengerConfig(document: documents.merged)
        scheduler = try SchedulerConfig(document: documents.merged)
        metaHandler = try MetaHandlerConfig.read(from: documents.merged)
        labourerFunctions = try taskManager.labourers.map { labourer in
            do throws(ARN.ParseError) {
                return (labourer.id, try ARN.lambdaFunctionName(labourer.arn))
            } catch {
                throw ConfigError(
                    path: "task_config.labourers.\(labourer.id).arn", value: .string(labourer.arn),
                    expectation: error.expectation)
            }
        }.sorted { $0.id < $1.id }
    }

    /// Reads the documents a deployed essential named `functionName` reads from sosw's `config` table
    /// (`sosw_essential_config` and `<functionName>_config`; a missing document counts as `{}`), under
    /// `custom` settings.
    public init(table: ConfigTable, functionName: String, custom: JSONValue = [:]) async throws {
        let layers = try await table.layers(functionName: functionName, defaults: [:], custom: custom)
        try self.init(essential: layers.essential, function: layers.function, custom: layers.custom)
    }
}
