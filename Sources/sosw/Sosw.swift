import ArgumentParser
import CSoswAllocator

/// The `sosw` command line: simulate scenarios, check them, benchmark the kernel.
@main
struct Sosw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sosw",
        abstract: "sosw orchestration: a deterministic simulator and test harness around the sosw core, and the same core on AWS.",
        subcommands: [
            Simulate.self, Check.self, Sweep.self, Compare.self, Bench.self, BenchLive.self, Serve.self,
            TablesCommand.self, OrchestratorCommand.self, ScavengerCommand.self, SchedulerCommand.self,
            WorkerAssistantCommand.self, RedriveCommand.self, LambdaCommand.self,
        ]
    )

    /// Sets glibc's allocator up before any command: a simulation allocates millions of small objects from a
    /// thread that is not the main one, which its defaults serve one `mprotect` per page (measured with strace
    /// over one `sosw bench dynamodb` run: about 221,000 `mprotect` calls before, 33 after).
    static func main() async {
        sosw_prepare_allocator_for_simulation()
        await main(nil)
    }
}
