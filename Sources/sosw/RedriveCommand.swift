import ArgumentParser
import Foundation
import SoswAWS
import SoswCore

/// `sosw redrive --live --labourer ID`: the dead-letter command. Dead tasks (closed without completion) go
/// back to the tail of the labourer's queue with their attempts reset.
struct RedriveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redrive",
        abstract: "Move a labourer's dead tasks back to its queue with attempts reset.",
        discussion: "Prints {\"labourer_id\": …, \"redriven\": N}.")

    @OptionGroup var options: LiveOptions

    @Option(help: "The labourer whose dead tasks are moved.")
    var labourer: String

    @Option(help: "Move at most N tasks, the earliest closed first.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        if options.every != nil { throw ValidationError("--every does not apply to redrive: it runs once") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = options.logger(label: "sosw.redrive")
        let labourer = labourer
        let limit = limit
        let moved = try await LiveFailure.reporting {
            let aws = try LiveAWS.fromEnvironment(environment)
            let configuration = try await options.configSource(aws: aws, environment: environment)
                .configuration(functionName: options.functionName(for: .scavenger, environment: environment))
            guard configuration.taskManager.labourer(id: labourer) != nil else {
                throw LiveFailure.invalidInput(
                    "--labourer \(labourer): no such labourer in task_config.labourers; configured: "
                        + configuration.taskManager.labourers.map(\.id).sorted().joined(separator: ", "))
            }
            let essentials = aws.essentials(configuration: configuration, logger: logger)
            return try await essentials.taskManager.redriveDeadTasks(labourerID: labourer, limit: limit)
        }
        print(JSONValue.object(["labourer_id": .string(labourer), "redriven": .int(Int64(moved))]).serialized())
    }
}
