import Logging
import SoswCore
import Synchronization

/// The essentials deployed as Lambda functions: what `sosw lambda` runs once per cold start to build the
/// handler of every invocation of the container.
///
/// `_HANDLER` names the essential; its configuration is read once from where the deployment keeps it
/// (`SOSW_CONFIG_SOURCE`: `dynamodb`, sosw's `config` table, the default, or `ssm`; `SOSW_CONFIG_TABLE`,
/// `SOSW_CONFIG_ENV`), under the function's own name, exactly as sosw's Python essentials read theirs. A
/// container is reused for many invocations, and so are its clients, its configuration and its TaskManager.
public enum LiveLambdaFunction {
    /// Builds the handler: each invocation runs the essential once on its event, with the invocation's
    /// deadline, and answers its report as JSON.
    /// - Throws: for an unknown `_HANDLER`, a broken configuration or region: the function's init error.
    public static func handler(
        function: LambdaRuntimeEnvironment, environment: [String: String], logger: Logger
    ) async throws -> LambdaHandler {
        let essential = try LiveEssential(handler: function.handler ?? "")
        let functionName = function.functionName ?? essential.functionName
        let aws = try LiveAWS.fromEnvironment(environment)
        let configuration = try await configSource(environment: environment, aws: aws)
            .configuration(functionName: functionName)
        let run = LiveRun(
            essential: essential, essentials: aws.essentials(configuration: configuration, logger: logger),
            functionName: functionName)
        let invocations = Mutex(0)
        logger.info("sosw \(essential.rawValue) ready as \(functionName)")
        return { event, context in
            let number = invocations.withLock { count in
                count += 1
                return count
            }
            let json = try Self.event(event)
            let deadline = ContinuousClock.now.advanced(by: context.remainingTime(on: SystemWallClock()))
            let meta = MetaContext(
                author: functionName, invocationID: context.requestID, logStreamName: context.function.logStreamName)
            let report = try await MetaContext.$current.withValue(meta) {
                try await run.run(event: json, deadline: deadline, number: number)
            }
            return Array(report.serialized().utf8)
        }
    }

    /// Where a deployed essential's documents are: the variables the deployment template sets.
    public static func configSource(environment: [String: String], aws: LiveAWS) throws -> LiveConfigSource {
        let source = environment["SOSW_CONFIG_SOURCE"] ?? "dynamodb"
        switch source {
        case "dynamodb", "", "ssm":
            let table = environment["SOSW_CONFIG_TABLE"].flatMap { $0.isEmpty ? nil : $0 }
                ?? LiveConfigSource.defaultTableName(environment: environment)
            return .stored(
                useSSM: source == "ssm", table: table, env: environment["SOSW_CONFIG_ENV"] ?? "production", aws: aws)
        case let other:
            throw ConfigError(
                path: "SOSW_CONFIG_SOURCE", value: .string(other),
                expectation: "dynamodb (sosw's config table) or ssm (SSM Parameter Store)")
        }
    }

    /// The invocation's event as JSON; an empty payload (a scheduled rule with no input) is `{}`.
    static func event(_ bytes: [UInt8]) throws -> JSONValue {
        guard !bytes.isEmpty else { return [:] }
        return try JSONValue(parsing: String(decoding: bytes, as: UTF8.self))
    }
}
