import ArgumentParser
import SoswAWS

/// `sosw worker-assistant --live --event JSON|@FILE`: records one worker report, as a Python sosw Worker
/// sends it.
struct WorkerAssistantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker-assistant",
        abstract: "Record a worker's report: {\"action\": \"mark_task_as_completed\", \"task_id\": …} (JSON or @FILE).")

    @OptionGroup var options: LiveOptions

    @Option(help: "The worker's event: {\"action\": \"mark_task_as_completed\"|\"mark_task_as_failed\", \"task_id\": …}.")
    var event: String

    func run() async throws {
        let payload = try await LiveFailure.reporting { try LiveInput.json(event, option: "--event") }
        try await LiveEssentialInvocation(essential: .workerAssistant, options: options, event: payload).run()
    }
}
