import AsyncHTTPClient
import Logging

/// A Lambda custom runtime: initialise the handler once, then forever take the next invocation, run it and post
/// its response or its error, until the task running the loop is cancelled.
///
/// What stops it, chosen as AWS's own runtime interface clients behave (in Python, Node.js, Go and C++ a failed
/// Runtime API call ends the process, in Java after a few retries; Lambda then starts a fresh execution
/// environment):
/// - the handler throws: its error is posted for that invocation and the loop goes on;
/// - a response gets 413 (larger than Lambda's payload limit): a `Function.ResponseSizeTooLarge` error is posted
///   for that invocation instead, and the loop goes on;
/// - `/next` sends an invocation without a usable deadline or ARN: an error is posted for it and the loop goes on;
/// - any other failed call to the Runtime API (no answer, or an unexpected status such as 500, which the API
///   documents as "non-recoverable, exit promptly"): logged, and ``run(initialize:)`` throws;
/// - initialisation throws: the error is posted to `/init/error`, logged, and ``run(initialize:)`` throws.
/// The caller exits non-zero whenever `run` throws. Cancellation is a clean stop: `run` returns, with nothing
/// posted for an invocation cut short.
public struct LambdaRuntimeLoop: Sendable {
    /// Large enough that AsyncHTTPClient's deadline saturates to "never": `/next` waits as long as Lambda keeps
    /// the environment idle, and Lambda's own runtimes set no timeout on these calls either.
    static let unboundedTimeout = Duration.seconds(Int64.max / 1_000_000_000)

    /// The Runtime API's HTTP client: no read timeout (AsyncHTTPClient's shared client has 90 seconds, which
    /// would end a long wait on `/next`), and a short connect timeout: the API listens on the same host before
    /// the runtime starts, so a connection refused for a whole second (the client retries meanwhile) means a
    /// broken environment, not a slow one.
    static var runtimeAPIClientConfiguration: HTTPClient.Configuration {
        HTTPClient.Configuration(timeout: HTTPClient.Configuration.Timeout(connect: .seconds(1)))
    }

    public let apiClient: LambdaRuntimeAPIClient

    public init(apiClient: LambdaRuntimeAPIClient) {
        self.apiClient = apiClient
    }

    /// The production entry point: reads Lambda's variables from `environment`, talks to the Runtime API through
    /// an HTTP client of its own (shut down on return), and runs the loop. `initialize` builds the handler from
    /// the function's environment (its `_HANDLER` names what to run); whatever it throws is the function's init
    /// error.
    ///
    /// Throws ``LambdaRuntimeError/runtimeAPINotSet`` outside Lambda, with how to run locally instead.
    public static func run(
        environment: [String: String], logger: Logger,
        initialize: (LambdaRuntimeEnvironment) async throws -> LambdaHandler
    ) async throws(LambdaRuntimeError) {
        let function = try LambdaRuntimeEnvironment(environment)
        let httpClient = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: runtimeAPIClientConfiguration)
        let transport = AsyncHTTPClientTransport(client: httpClient, timeout: unboundedTimeout)
        let loop = LambdaRuntimeLoop(
            apiClient: LambdaRuntimeAPIClient(environment: function, transport: transport, logger: logger))
        let outcome: Result<Void, LambdaRuntimeError>
        do throws(LambdaRuntimeError) {
            try await loop.run(initialize: initialize)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        do {
            try await httpClient.shutdown()
        } catch {
            logger.warning("The Runtime API's HTTP client did not shut down cleanly: \(error)")
        }
        try outcome.get()
    }

    /// Runs the loop on ``apiClient``: returns when the task is cancelled, throws when initialisation or the
    /// Runtime API fails.
    public func run(
        initialize: (LambdaRuntimeEnvironment) async throws -> LambdaHandler
    ) async throws(LambdaRuntimeError) {
        let function = apiClient.environment
        logger.info(
            "Lambda runtime starting",
            metadata: [
                "function": "\(function.functionName ?? "unnamed")", "handler": "\(function.handler ?? "none")",
                "runtime-api": "\(function.runtimeAPI)",
            ])
        do throws(LambdaRuntimeError) {
            guard let handler = try await initializedHandler(initialize) else { return logStopOnCancellation() }
            while !Task.isCancelled {
                try await runNextInvocation(handler)
            }
            logStopOnCancellation()
        } catch {
            if Task.isCancelled { return logStopOnCancellation() }
            logger.error("Lambda runtime stopping: \(error)")
            throw error
        }
    }

    private var logger: Logger {
        apiClient.logger
    }

    private func logStopOnCancellation() {
        logger.info("Lambda runtime stopped: its task was cancelled")
    }

    /// The handler, or nil when the task was cancelled during initialisation.
    private func initializedHandler(
        _ initialize: (LambdaRuntimeEnvironment) async throws -> LambdaHandler
    ) async throws(LambdaRuntimeError) -> LambdaHandler? {
        do {
            return try await initialize(apiClient.environment)
        } catch {
            if Task.isCancelled { return nil }
            let document = LambdaErrorDocument(describing: error)
            var reported = true
            do throws(LambdaRuntimeError) {
                try await apiClient.postInitError(document)
            } catch let postError {
                logger.error("Reporting the init error to Lambda failed: \(postError)")
                reported = false
            }
            throw .initializationFailed(document, reported: reported)
        }
    }

    /// One turn of the loop: waits for an invocation, runs it, posts what came of it.
    private func runNextInvocation(_ handler: LambdaHandler) async throws(LambdaRuntimeError) {
        let invocation: LambdaInvocation
        do throws(LambdaRuntimeError) {
            invocation = try await apiClient.nextInvocation()
        } catch .invalidInvocation(let requestID?, let problem) {
            logger.error("Invocation \(requestID) cannot be run: \(problem)")
            let document = LambdaErrorDocument(errorMessage: problem, errorType: LambdaErrorDocument.invalidInvocationType)
            try await apiClient.postError(document, requestID: requestID)
            return
        }
        let context = invocation.context
        context.logger.debug("Invocation started", metadata: ["event-bytes": "\(invocation.event.count)"])
        let response: [UInt8]
        do {
            response = try await handler(invocation.event, context)
        } catch {
            if Task.isCancelled { return }
            let document = LambdaErrorDocument(describing: error)
            context.logger.error("Invocation failed: \(document.errorType): \(document.errorMessage)")
            try await apiClient.postError(document, requestID: context.requestID)
            return
        }
        switch try await apiClient.postResponse(response, requestID: context.requestID) {
        case .accepted:
            context.logger.debug("Invocation answered", metadata: ["response-bytes": "\(response.count)"])
        case .tooLarge(let problem):
            context.logger.error("Invocation's response refused: \(problem)")
            let document = LambdaErrorDocument(errorMessage: problem, errorType: LambdaErrorDocument.responseTooLargeType)
            try await apiClient.postError(document, requestID: context.requestID)
        }
    }
}
