import ArgumentParser
import SoswAWS

/// `sosw scheduler --live --job JSON|@FILE`: sosw's Scheduler chunks one job into tasks.
struct SchedulerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Chunk a job into tasks in the tasks table (the job as JSON, or @FILE).")

    @OptionGroup var options: LiveOptions

    @Option(help: "The job: {\"lambda_name\": …, \"period\": …, …} or {\"job\": {…}}, inline or as @FILE.")
    var job: String

    func run() async throws {
        let event = try await LiveFailure.reporting { try LiveInput.json(job, option: "--job") }
        try await LiveEssentialInvocation(essential: .scheduler, options: options, event: event).run()
    }
}
