import ArgumentParser
import Foundation
import Logging
import SoswAWS
import SoswCore
import SoswSimulation

/// The options every live command shares: where the configuration comes from, how often to run, how much to
/// log. Region, credentials and endpoints come from the environment as the AWS SDKs find them.
struct LiveOptions: ParsableArguments {
    @Flag(help: "Run against AWS (region, credentials and endpoints as the AWS SDKs find them).")
    var live = false

    @Option(
        help: ArgumentHelp(
            "The essential's sosw config document, a JSON file: what the config table's <function>_config row holds.",
            discussion: "Nothing is read from the config table or SSM when it is given."),
        completion: .file(extensions: ["json"]))
    var config: String?

    @Option(help: ArgumentHelp(
        "The function whose documents are read: sosw_essential_config and <NAME>_config.",
        discussion: "Default: AWS_LAMBDA_FUNCTION_NAME, else sosw's name for the essential (sosw_orchestrator, …)."))
    var configName: String?

    @Option(help: "Where the documents are read from without --config: dynamodb (sosw's config table) or ssm.")
    var configSource: ConfigSourceKind = .dynamodb

    @Option(help: "The config table (default: config; autotest_config when STAGE=test, as sosw reads it).")
    var configTable: String?

    @Option(help: "The env the config table's documents are stored under.")
    var configEnv = "production"

    @Option(help: "Run every DURATION (30s, 1m, 5m) until SIGTERM or SIGINT, which stop it between runs.")
    var every: String?

    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    enum ConfigSourceKind: String, ExpressibleByArgument, CaseIterable {
        case dynamodb
        case ssm
    }

    func validate() throws {
        guard live else {
            throw ValidationError(
                "add --live to run against AWS; to try an essential without AWS, run a scenario: sosw simulate FILE")
        }
        if config != nil, configName != nil {
            throw ValidationError("--config gives the document itself; --config-name names documents to read: use one")
        }
        _ = try period()
    }

    /// `--every` as a duration; nil for one run.
    func period() throws -> Duration? {
        guard let every else { return nil }
        guard let period = DurationText.parse(every), period >= .seconds(1), period <= .seconds(86_400) else {
            throw ValidationError("--every must be a duration from 1s to 1d such as 30s, 1m or 5m, got '\(every)'")
        }
        return period
    }

    /// The function the documents are read for.
    func functionName(for essential: LiveEssential, environment: [String: String]) -> String {
        configName ?? environment["AWS_LAMBDA_FUNCTION_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? essential.functionName
    }

    /// The config table as sosw names it.
    func configTableName(environment: [String: String]) -> String {
        configTable ?? LiveConfigSource.defaultTableName(environment: environment)
    }

    /// Where this command's documents come from.
    func configSource(aws: LiveAWS, environment: [String: String]) throws -> LiveConfigSource {
        if let config {
            return .document(try LiveInput.jsonObject(fromFile: config, option: "--config"))
        }
        return .stored(
            useSSM: configSource == .ssm, table: configTableName(environment: environment), env: configEnv, aws: aws)
    }

    /// Logs on standard error, so standard output carries only the reports.
    func logger(label: String) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
