import ArgumentParser

/// The `sosw` command line: simulate scenarios, check them, benchmark the kernel.
@main
struct Sosw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sosw",
        abstract: "sosw orchestration: a deterministic simulator and test harness around the sosw core.",
        subcommands: [Simulate.self, Check.self, Bench.self, BenchLive.self, Serve.self]
    )

    static func main() async {
        MemoryAllocator.prepareForSimulation()
        await main(nil)
    }
}
