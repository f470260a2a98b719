import ArgumentParser
import SoswCore
import SoswSimulation

/// `sosw bench`: measures the simulation kernel. Build with `-c release` for figures worth quoting.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the simulation kernel (use a release build).",
        discussion: "Prints the median and the range over --runs repetitions of each measurement."
    )

    @Option(help: "Repetitions of each measurement; the median is reported.")
    var runs: Int = 5

    @Option(help: "Concurrent tasks in the suspend/resume measurement.")
    var tasks: Int = 1000

    @Option(help: "Sleeps per task in the suspend/resume measurement.")
    var rounds: Int = 200

    @Option(help: "Calls in the non-suspending call measurement.")
    var calls: Int = 2_000_000

    func validate() throws {
        guard runs > 0, tasks > 0, rounds > 0, calls > 0 else {
            throw ValidationError("--runs, --tasks, --rounds and --calls must be positive")
        }
    }

    func run() async throws {
        print("sosw kernel benchmark (\(BuildInfo.configuration) build, \(BuildInfo.toolchain), \(runs) runs, median [min–max])")
        try report("suspend/resume via virtual clock, \(tasks) tasks", unit: "suspend/resume per second") {
            try KernelBenchmark.suspendResume(tasks: tasks, rounds: rounds)
        }
        try report("suspend/resume via virtual clock, 3 tasks", unit: "suspend/resume per second") {
            try KernelBenchmark.suspendResume(tasks: 3, rounds: tasks * rounds / 3)
        }
        try report("non-suspending async calls via an existential", unit: "calls per second") {
            try KernelBenchmark.nonSuspendingCalls(calls)
        }
    }

    private func report(_ title: String, unit: String, _ body: () throws -> Int) throws {
        let clock = ContinuousClock()
        var rates: [Double] = []
        for _ in 0..<runs {
            let started = clock.now
            let operations = try body()
            let seconds = (clock.now - started).secondsValue
            rates.append(Double(operations) / seconds)
        }
        rates.sort()
        let median = rates[rates.count / 2]
        print("  \(title): \(Int(median)) \(unit) [\(Int(rates.first!))–\(Int(rates.last!))]")
    }
}
