import ArgumentParser
import SoswCore
import SoswSimulation

/// `sosw bench`: measures the simulation kernel. Build with `-c release` for figures worth quoting.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the simulation kernel (use a release build).",
        discussion: "Prints the median and the range over --runs repetitions of each measurement."
    )

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case kernel, dynamodb, all
    }

    @Argument(help: "What to measure: kernel, dynamodb or all.")
    var suite: Suite = .kernel

    @Option(help: "Operations per phase in the DynamoDB measurement.")
    var operations: Int = 1_000_000

    @Option(help: "Repetitions of each measurement; the median is reported.")
    var runs: Int = 5

    @Option(help: "Concurrent tasks in the suspend/resume measurement.")
    var tasks: Int = 1000

    @Option(help: "Sleeps per task in the suspend/resume measurement.")
    var rounds: Int = 200

    @Option(help: "Calls in the non-suspending call measurement.")
    var calls: Int = 2_000_000

    func validate() throws {
        guard runs > 0, tasks > 0, rounds > 0, calls > 0, operations > 0 else {
            throw ValidationError("--runs, --tasks, --rounds, --calls and --operations must be positive")
        }
    }

    func run() async throws {
        if suite != .dynamodb {
            try kernel()
        }
        if suite != .kernel {
            try dynamoDB()
        }
    }

    private func dynamoDB() throws {
        print("in-memory DynamoDB benchmark (\(BuildInfo.configuration) build, \(operations) operations per phase, \(runs) runs, median [min–max])")
        var measurements: [DynamoDBBenchmark.Phase: [DynamoDBBenchmark.Measurement]] = [:]
        for _ in 0..<runs {
            for measurement in try DynamoDBBenchmark(operations: operations).run(clock: ContinuousClock()) {
                measurements[measurement.phase, default: []].append(measurement)
            }
        }
        let views: [(String, KeyPath<DynamoDBBenchmark.Measurement, Double>)] = [
            ("the fake alone (requests built beforehand and freed afterwards, untimed):", \.servedPerSecond),
            ("end to end (building and freeing each request counted too):", \.endToEndPerSecond),
        ]
        for (heading, rate) in views {
            print("  \(heading)")
            for phase in DynamoDBBenchmark.Phase.allCases {
                printRates("  \(phase.rawValue)", unit: "operations per second", measurements[phase]!.map { $0[keyPath: rate] })
            }
        }
    }

    private func kernel() throws {
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
        printRates(title, unit: unit, rates)
    }

    private func printRates(_ title: String, unit: String, _ rates: [Double]) {
        let sorted = rates.sorted()
        let median = sorted[sorted.count / 2]
        print("  \(title): \(Int(median)) \(unit) [\(Int(sorted.first!))–\(Int(sorted.last!))]")
    }
}
