import ArgumentParser
import SoswAWS

/// `sosw orchestrator --live`: sosw's Orchestrator against AWS, once or every `--every`.
struct OrchestratorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchestrator",
        abstract: "Invoke queued tasks within each labourer's cap and health (one run, or every --every).")

    @OptionGroup var options: LiveOptions

    func run() async throws {
        try await LiveEssentialInvocation(essential: .orchestrator, options: options).run()
    }
}
