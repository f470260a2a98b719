import ArgumentParser
import Foundation
import Logging
import SoswAWS
import SoswCore

/// `sosw tables create|delete`: sosw's tables for a new deployment, and their removal at its end.
struct TablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables", abstract: "Set up or remove sosw's DynamoDB tables.", subcommands: [Create.self, Delete.self])

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

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete sosw's tables (tasks, closed, retry, and the audit trail's when configured).",
            discussion: """
                Refused while the tasks or the retry table holds a task (open work that would be lost), unless                 --force. The config table is kept unless --with-config: other stages or workers may read it.                 Prints {"deleted": […], "missing": […]}.
                """)

        @Option(help: "A sosw config document (JSON) whose task_config names the tables.")
        var config: String?

        @Option(help: "The config table's name (default: config; autotest_config when STAGE=test).")
        var configTable: String?

        @Flag(help: "Delete the config table too.")
        var withConfig = false

        @Flag(help: "Confirm: every task and its history is deleted with the tables.")
        var yes = false

        @Flag(help: "Delete even while tasks are open.")
        var force = false

        func validate() throws {
            guard yes else {
                throw ValidationError("deleting sosw's tables deletes every task and its history: add --yes to confirm")
            }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let report = try await LiveFailure.reporting {
                let document = try config.map { try LiveInput.jsonObject(fromFile: $0, option: "--config") } ?? [:]
                let configuration = try SoswConfiguration(function: document)
                let aws = try LiveAWS.fromEnvironment(environment)
                let configTableName = configTable ?? LiveConfigSource.defaultTableName(environment: environment)
                let tables = SoswTableSchemas.createTableInputs(
                    config: configuration.taskManager, configTable: configTableName, meta: configuration.metaHandler
                ).map(\.tableName).filter { withConfig || $0 != configTableName }
                let openWork = [configuration.taskManager.tasksTable, configuration.taskManager.retryTasksTable]
                do {
                    return try await SoswTableTeardown(dynamoDB: aws.dynamoDB).delete(tables, openWork: openWork, force: force)
                } catch let error as SoswTableTeardownError {
                    throw LiveFailure.invalidInput("\(error)")
                }
            }
            print(report.json.serialized())
        }
    }
}
