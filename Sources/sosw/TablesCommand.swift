import ArgumentParser
import Foundation
import Logging
import SoswAWS
import SoswCore

/// `sosw tables create`: sosw's tables for a new deployment.
struct TablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables", abstract: "Set up sosw's DynamoDB tables.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create sosw's tables (tasks, closed, retry, config) where missing; existing ones are left alone.",
            discussion: """
                Table and index names come from the task_config of --config (sosw's defaults without it); \
                with a meta_handler_config there, the audit trail's table (sosw_tasks_meta) too. \
                Waits until every created table is ACTIVE, then prints {"created": […], "existing": […]}.
                """)

        @Option(help: "A sosw config document (JSON) whose task_config names the tables.")
        var config: String?

        @Option(help: "The config table's name (default: config; autotest_config when STAGE=test).")
        var configTable: String?

        @Option(help: "Log level on standard error.")
        var logLevel: Logger.Level = .info

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            var logger = Logger(label: "sosw.tables") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = logLevel
            let report = try await LiveFailure.reporting {
                let document = try config.map { try LiveInput.jsonObject(fromFile: $0, option: "--config") } ?? [:]
                let configuration = try SoswConfiguration(function: document)
                let aws = try LiveAWS.fromEnvironment(environment)
                let tables = SoswTableSchemas.createTableInputs(
                    config: configuration.taskManager,
                    configTable: configTable ?? LiveConfigSource.defaultTableName(environment: environment),
                    meta: configuration.metaHandler)
                return try await SoswTableSetup(dynamoDB: aws.dynamoDB, clock: ContinuousClock()).create(tables)
            }
            print(report.json.serialized())
        }
    }
}
