import ArgumentParser
import CSoswAllocator
import Foundation
import SoswCore

/// The `sosw` command line: simulate scenarios, check them, benchmark the kernel.
@main
struct Sosw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sosw",
        abstract: "sosw orchestration: a deterministic simulator and test harness around the sosw core, and the same core on AWS.",
        discussion: "`sosw --version` prints the version, the commit of the checkout it was built in, and the build.",
        subcommands: [
            Simulate.self, Check.self, Sweep.self, Explore.self, Compare.self, Bench.self, BenchLive.self, Serve.self,
            TablesCommand.self, OrchestratorCommand.self, ScavengerCommand.self, SchedulerCommand.self,
            WorkerAssistantCommand.self, RedriveCommand.self, LambdaCommand.self, ConfigCommand.self,
            LabourerCommand.self,
        ]
    )

    /// Sets glibc's allocator up before any command: a simulation allocates millions of small objects from a
    /// thread that is not the main one, which its defaults serve one `mprotect` per page (measured with strace
    /// over one `sosw bench dynamodb` run: about 221,000 `mprotect` calls before, 33 after).
    ///
    /// A command line the parser refuses (an unknown option, a value of the wrong type, a failed `validate()`)
    /// is bad input like a malformed scenario: exit status 2, not the parser's own 64, so that each status
    /// means one thing (0 ok, 1 expectations failed, 2 bad input, 3 could not run).
    static func main() async {
        sosw_prepare_allocator_for_simulation()
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print(versionLine)
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// `sosw 0.8.0 (commit 3c0a1661d43d, release build, Swift 6.3.1, linux-x86_64)`: what a bug report needs to
    /// say which binary it is about. Looked up only when asked: the commit costs a `git` process.
    static var versionLine: String {
        "sosw \(BuildInfo.version) (commit \(GitCommit.current), \(BuildInfo.configuration) build, "
            + "\(BuildInfo.toolchain), \(BuildInfo.platform))"
    }
}
