import Logging
import Synchronization

/// The base of a worker written in Swift, doing what sosw's Python `Processor` and `Worker` do around the
/// worker's own code, over the ports only:
/// - its configuration: the function's `<function>_config` document from the config table over the worker's
///   defaults, under the caller's custom settings (no `sosw_essential_config`: that is for the essentials);
/// - statistics reset per invocation (``ProcessorStats``);
/// - the report to the WorkerAssistant when the event names a task (the payload a Python worker sends);
/// - ``ProcessorInvocation/die(_:)`` alerting the `dead_sns_topic`;
/// - handing the work left near the deadline to a sibling invocation (``SiblingPolicy``).
///
/// Made once per container and reused by its invocations, which Lambda runs one at a time.
///
/// Two differences from sosw, both about statistics. sosw reset them after a successful invocation only, so
/// after a failed one the next task was reported with the failed invocation's counters and result added to its
/// own; here they are reset as each invocation starts. And sosw reported the container's running totals
/// (`total_*`) as the task's statistics; here the task gets only its own invocation's.
public final class Processor: Sendable {
    public let functionName: String
    /// The merged configuration document.
    public let config: JSONValue
    public let settings: ProcessorSettings
    let worker: Worker
    let lambda: any Lambda
    let sns: any SNS
    let wallClock: any WallClock
    let logger: Logger
    private let statistics: Mutex<ProcessorStats>

    /// - Parameters:
    ///   - functionName: the function's own name (`AWS_LAMBDA_FUNCTION_NAME`): siblings invoke it.
    ///   - config: the merged configuration document (see ``load(functionName:configTable:defaults:custom:lambda:sns:wallClock:logger:)``).
    ///   - sns: a client for the region of the `dead_sns_topic`.
    public init(
        functionName: String, config: JSONValue, lambda: any Lambda, sns: any SNS, wallClock: any WallClock,
        logger: Logger = .sosw
    ) throws {
        self.functionName = functionName
        self.config = config
        settings = try ProcessorSettings(document: config)
        worker = Worker(lambda: lambda, workerAssistantFunction: settings.workerAssistantFunction)
        self.lambda = lambda
        self.sns = sns
        self.wallClock = wallClock
        self.logger = logger
        statistics = Mutex(ProcessorStats(lifetimeNames: settings.lifetimeStats))
    }

    /// sosw's `Processor.init_config`: `defaults`, then the `<functionName>_config` document of the config
    /// table (`{}` when there is none), then `custom`.
    public static func load(
        functionName: String, configTable: ConfigTable, defaults: JSONValue = [:], custom: JSONValue = [:],
        lambda: any Lambda, sns: any SNS, wallClock: any WallClock, logger: Logger = .sosw
    ) async throws -> Processor {
        let layers = ConfigLayers(
            defaults: defaults, function: try await configTable.objectDocument(named: "\(functionName)_config"),
            custom: custom)
        return try Processor(
            functionName: functionName, config: layers.merged, lambda: lambda, sns: sns, wallClock: wallClock,
            logger: logger)
    }

    /// The statistics: this invocation's values and the totals of the earlier ones.
    public var stats: ProcessorStats {
        statistics.withLock { $0 }
    }

    func updateStats(_ change: (inout ProcessorStats) -> Void) {
        statistics.withLock { change(&$0) }
    }

    /// One invocation: resets the statistics, runs `work`, then
    /// - ``WorkOutcome/finished``: reports the event's task completed (a failed report is logged and counted,
    ///   not thrown, as sosw's Worker swallowed it: the work is done);
    /// - ``WorkOutcome/remaining(_:force:)``: invokes a sibling with that work, or dies when ``SiblingPolicy``
    ///   refuses it or the invoke fails;
    /// - an error (``ProcessorDied`` included): reports the task failed, as ``Worker`` does (a Python worker
    ///   reports nothing), and rethrows; the task then expires and is retried or dies.
    public func handle(
        event: JSONValue, context: InvocationContext, work: (ProcessorInvocation) async throws -> WorkOutcome
    ) async throws -> ProcessorOutcome {
        updateStats {
            $0.reset()
            $0.increment("processor_calls")
        }
        defer { logger.info("\(functionName) statistics: \(JSONValue.object(stats.values).serialized())") }
        let taskID = event["task_id"].flatMap { $0.isTruthy ? $0.stringValue : nil }
        let invocation = ProcessorInvocation(
            processor: self, event: event, context: context, generation: try SiblingPolicy.generation(of: event))
        do {
            if case .remaining(let remaining, let force) = try await work(invocation) {
                return .handedOff(generation: try await handOff(remaining, force: force, taskID: taskID, from: invocation))
            }
        } catch {
            if let taskID { await report(.markTaskAsFailed, taskID: taskID, invocation: invocation) }
            throw error
        }
        if let taskID { await report(.markTaskAsCompleted, taskID: taskID, invocation: invocation) }
        return .completed
    }

    /// Invokes this function asynchronously with the remaining work; returns the sibling's generation.
    private func handOff(
        _ remaining: [String: JSONValue], force: Bool, taskID: String?, from invocation: ProcessorInvocation
    ) async throws -> Int {
        let decision = settings.siblings.decide(generation: invocation.generation, force: force)
        guard case .spawn(let generation) = decision else {
            try await invocation.die("work was left (\(remaining.count) keys) but not handed on: \(decision)")
        }
        let event = SiblingPolicy.siblingEvent(remaining: remaining, taskID: taskID, generation: generation)
        do {
            _ = try await lambda.invoke(InvokeInput(functionName: functionName, invocationType: .event, json: event))
        } catch {
            try await invocation.die("invoking a sibling of \(functionName) with the remaining work failed: \(error)")
        }
        updateStats { $0.increment("siblings_spawned") }
        logger.info("\(functionName): work left handed to sibling generation \(generation)")
        return generation
    }

    /// Sends the report; a failure is logged and counted.
    private func report(_ action: WorkerAssistantRequest.Action, taskID: String, invocation: ProcessorInvocation) async {
        let report = Worker.Report(stats: stats.invocationValues, result: invocation.result)
        do {
            try await worker.send(action, taskID: taskID, report: report)
        } catch {
            updateStats { $0.increment("worker_assistant_report_failures") }
            logger.error(
                "\(functionName): reporting \(action.rawValue) of task \(taskID) to \(worker.workerAssistantFunction) failed: \(error)")
        }
    }

    /// sosw's `die()`: the alert and the error that ends the invocation.
    func die(_ message: String, context: InvocationContext) async -> ProcessorDied {
        logger.error("\(functionName) dies: \(message); statistics: \(JSONValue.object(stats.values).serialized())")
        var died = ProcessorDied(functionName: functionName, message: message, topicARN: settings.deadTopicARN(for: context))
        if let topic = died.topicARN {
            do {
                _ = try await sns.publish(PublishInput(topicArn: topic, message: message, subject: "\(functionName) died"))
            } catch {
                died.publishError = String(describing: error)
                logger.error("\(functionName): the alert to \(topic) was not published: \(error)")
            }
        }
        return died
    }
}
