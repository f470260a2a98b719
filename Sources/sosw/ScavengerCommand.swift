import ArgumentParser
import SoswAWS

/// `sosw scavenger --live`: sosw's Scavenger against AWS, once or every `--every`.
struct ScavengerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scavenger",
        abstract: "Archive completed tasks, retry expired ones, close the dead (one run, or every --every).")

    @OptionGroup var options: LiveOptions

    func run() async throws {
        try await LiveEssentialInvocation(essential: .scavenger, options: options).run()
    }
}
