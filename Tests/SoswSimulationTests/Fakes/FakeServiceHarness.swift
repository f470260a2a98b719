import SoswCore
import Testing

@testable import SoswSimulation

/// A strict simulation with the Lambda fake's service loop running beside the test body: the body invokes,
/// then the loop is shut down and drains every accepted event before `run` returns.
struct FakeServiceHarness {
    static let start = UnixTime(iso8601: "2026-01-05T02:00:00Z")!

    let executor: SimExecutor
    let log: EventLog
    let random: SeededRandom
    let lambda: SimulatedLambda

    init(seed: UInt64 = 1, configuration: SimulatedLambdaConfiguration = SimulatedLambdaConfiguration()) {
        executor = SimExecutor(start: Self.start, strict: true)
        log = EventLog(keepsLines: true)
        random = SeededRandom(seed: seed)
        lambda = SimulatedLambda(clock: executor.clock, random: random, log: log, configuration: configuration)
    }

    var clock: SimClock { executor.clock }

    /// Runs `body` while the service loop runs, then drains the loop.
    func run<Result: Sendable>(_ body: @escaping @Sendable (SimulatedLambda) async throws -> Result) throws -> Result {
        let lambda = self.lambda
        return try executor.run {
            try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    await lambda.run()
                    return nil
                }
                let result = try await body(lambda)
                lambda.shutdown()
                try await group.waitForAll()
                return result
            }
        }
    }

    /// The logged events named `name`, parsed (only those lines: parsing every line is slow in debug builds).
    func events(_ name: String) throws -> [JSONValue] {
        let marker = "\"event\":\"\(name)\""
        return try log.lines.filter { $0.contains(marker) }.map { try JSONValue(parsing: $0) }
            .filter { $0["event"]?.stringValue == name }
    }

    /// Seconds since the start of the simulation at which an event happened.
    static func offset(_ event: JSONValue) -> Double {
        event["t"]!.doubleValue! - start.seconds
    }
}

func event(_ json: JSONValue) -> InvokeInput {
    InvokeInput(functionName: "worker", invocationType: .event, json: json)
}
