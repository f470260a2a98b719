import Logging
import SoswAWS
import Synchronization
import Testing

/// A wait that did not end in time: names what was awaited, so a hanging test says what it hung on.
struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var timeout: Duration

    var description: String {
        "waited \(timeout) for \(what)"
    }
}

/// Runs `operation` and gives up after `timeout` (a bound on a wait for a condition, not a timing assumption).
/// `operation` returns nil only when cancelled, which happens only once the timeout has won.
func withDeadline<Value: Sendable>(
    _ timeout: Duration, _ what: String, _ operation: @escaping @Sendable () async -> Value?
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            throw TimedOut(what: what, timeout: timeout)
        }
        defer { group.cancelAll() }
        guard let value = try await group.next() ?? nil else { throw TimedOut(what: what, timeout: timeout) }
        return value
    }
}

/// Log lines of the runtime, with the request id each was logged under.
final class RuntimeLog: Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
        var requestID: String?
    }

    private let lines = Mutex<[Line]>([])

    var all: [Line] {
        lines.withLock { $0 }
    }

    var logger: Logger {
        Logger(label: "lambda-runtime-test") { _ in Handler(log: self) }
    }

    private struct Handler: LogHandler {
        let log: RuntimeLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let line = Line(
                level: event.level, message: "\(event.message)",
                requestID: (event.metadata?["aws-request-id"] ?? metadata["aws-request-id"]).map { "\($0)" })
            log.lines.withLock { $0.append(line) }
        }
    }
}

/// Values appended from handlers, read by the test.
final class Recorded<Element: Sendable>: Sendable {
    private let elements = Mutex<[Element]>([])

    func append(_ element: Element) {
        elements.withLock { $0.append(element) }
    }

    var all: [Element] {
        elements.withLock { $0 }
    }
}

/// A runtime loop running against a ``FakeRuntimeAPI`` in a task of its own, so a test can cancel it and
/// wait, bounded, for how it ended.
final class RunningLoop: Sendable {
    let log: RuntimeLog
    private let task: Task<Void, Never>
    private let ended: AsyncStream<LambdaRuntimeError?>

    /// Starts the loop with the fake's address in its environment, plus `environment`.
    init(
        port: Int, environment: [String: String] = [:],
        initialize: @escaping @Sendable (LambdaRuntimeEnvironment) async throws -> LambdaHandler
    ) {
        let (ended, continuation) = AsyncStream.makeStream(of: LambdaRuntimeError?.self)
        let log = RuntimeLog()
        let variables = environment.merging(["AWS_LAMBDA_RUNTIME_API": "\(FakeRuntimeAPI.host):\(port)"]) { $1 }
        self.log = log
        self.ended = ended
        self.task = Task {
            var failure: LambdaRuntimeError?
            do throws(LambdaRuntimeError) {
                try await LambdaRuntimeLoop.run(environment: variables, logger: log.logger, initialize: initialize)
            } catch {
                failure = error
            }
            continuation.yield(failure)
            continuation.finish()
        }
    }

    func cancel() {
        task.cancel()
    }

    /// The error the loop stopped with, nil for a clean stop; waits at most `timeout` for it to stop.
    func stopped(within timeout: Duration = .seconds(20)) async throws -> LambdaRuntimeError? {
        try await withDeadline(timeout, "the runtime loop to end") {
            var iterator = self.ended.makeAsyncIterator()
            return await iterator.next()
        }
    }
}

/// Runs `body` with a fake Runtime API serving on a free port; stops the server afterwards.
func withFakeRuntimeAPI<Value: Sendable>(
    _ fake: FakeRuntimeAPI = FakeRuntimeAPI(), _ body: @Sendable (FakeRuntimeAPI, Int) async throws -> Value
) async throws -> Value {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { continuation.finish() }
            try await fake.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next(), "the fake Runtime API stopped before it listened")
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body(fake, port))
        } catch {
            outcome = .failure(error)
        }
        await fake.stop()
        try await group.waitForAll()
        return try outcome.get()
    }
}
