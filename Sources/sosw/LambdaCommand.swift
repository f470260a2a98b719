import ArgumentParser
import Foundation
import Logging
import SoswAWS

/// `sosw lambda`: the binary as a Lambda custom runtime (deployed as `bootstrap` on provided.al2023). The
/// essential is the function's Handler (`_HANDLER`: orchestrator, scavenger, scheduler, worker_assistant).
struct LambdaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lambda",
        abstract: "Run inside AWS Lambda: the essential named by _HANDLER, one run per invocation.",
        discussion: """
            Reads AWS_LAMBDA_RUNTIME_API, _HANDLER and AWS_LAMBDA_FUNCTION_NAME as Lambda sets them; the config \
            documents come from SOSW_CONFIG_SOURCE (dynamodb or ssm), SOSW_CONFIG_TABLE and SOSW_CONFIG_ENV. \
            Each invocation answers the essential's report as JSON. Logs go to standard error (CloudWatch Logs).
            """)

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical (default: SOSW_LOG_LEVEL, else info).")
    var logLevel: Logger.Level?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "sosw.lambda") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel ?? environment["SOSW_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        do {
            try await LambdaRuntimeLoop.run(environment: environment, logger: logger) { [logger] function in
                try await LiveLambdaFunction.handler(function: function, environment: environment, logger: logger)
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}
