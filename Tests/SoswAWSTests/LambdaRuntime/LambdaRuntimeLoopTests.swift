import Foundation
import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// The runtime loop against a fake Runtime API over loopback: what it asks for, what it posts, when it stops.
@Suite struct LambdaRuntimeLoopTests {
    struct EssentialFailed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the essential failed: \(reason)" }
    }

    struct ConfigMissing: Error, CustomStringConvertible {
        var description: String { "no config row for sosw_orchestrator" }
    }

    /// A handler that answers `handled:<event>` and records the events in the order it saw them.
    static func echo(into seen: Recorded<String>) -> @Sendable (LambdaRuntimeEnvironment) async throws -> LambdaHandler {
        { _ in
            { event, _ in
                let text = String(decoding: event, as: UTF8.self)
                seen.append(text)
                return Array("handled:\(text)".utf8)
            }
        }
    }

    @Test func eventsAreHandledInOrderAndAnsweredUnderTheirRequestIDs() async throws {
        try await withFakeRuntimeAPI { fake, port in
            for (id, event) in [("r1", #"{"n":1}"#), ("r2", #"{"n":2}"#), ("r3", #"{"n":3}"#)] {
                fake.enqueue(id, event: event)
            }
            let seen = Recorded<String>()
            let loop = RunningLoop(port: port, initialize: Self.echo(into: seen))
            let snapshot = try await fake.waitUntil("three responses") { $0.posts.count == 3 }
            fake.enqueue("r4", event: #"{"n":4}"#)
            let later = try await fake.waitUntil("the fourth response") { $0.posts.count == 4 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)

            #expect(seen.all == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":4}"#])
            #expect(snapshot.delivered == ["r1", "r2", "r3"])
            #expect(later.posts.map(\.kind) == Array(repeating: .response, count: 4))
            #expect(later.posts.map(\.requestID) == ["r1", "r2", "r3", "r4"])
            #expect(later.posts.map(\.text) == [
                #"handled:{"n":1}"#, #"handled:{"n":2}"#, #"handled:{"n":3}"#, #"handled:{"n":4}"#,
            ])
            #expect(later.posts.allSatisfy { $0.status == 202 })
        }
    }

    @Test func theContextCarriesTheInvocationsHeadersAndTheFunctionsEnvironment() async throws {
        try await withFakeRuntimeAPI { fake, port in
            let deadline: Int64 = 1_767_225_600_000
            var headers = FakeRuntimeAPI.headers(requestID: "r1", deadline: deadline)
            headers.append(("Lambda-Runtime-Client-Context", #"{"client":{"app_title":"sosw"}}"#))
            headers.append(("Lambda-Runtime-Cognito-Identity", #"{"cognitoIdentityId":"id-1"}"#))
            fake.enqueue(FakeRuntimeAPI.Invocation(requestID: "r1", event: Array("{}".utf8), headers: headers))
            let contexts = Recorded<LambdaInvocationContext>()
            let loop = RunningLoop(
                port: port,
                environment: [
                    "_HANDLER": "orchestrator", "AWS_LAMBDA_FUNCTION_NAME": "sosw_orchestrator",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256", "AWS_REGION": "eu-west-1",
                ]
            ) { _ in
                { _, context in
                    context.logger.info("orchestrating")
                    contexts.append(context)
                    return []
                }
            }
            try await fake.waitUntil("the response") { $0.posts.count == 1 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)

            let context = try #require(contexts.all.first)
            #expect(context.requestID == "r1")
            #expect(context.deadline == UnixTime(nanoseconds: deadline * 1_000_000))
            let clock = SimClock(executor: SimExecutor(start: UnixTime(nanoseconds: (deadline - 2_500) * 1_000_000)))
            #expect(context.remainingTime(on: clock) == .milliseconds(2_500))
            #expect(context.invokedFunctionARN == FakeRuntimeAPI.functionARN)
            #expect(context.traceID == "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
            #expect(context.clientContext == #"{"client":{"app_title":"sosw"}}"#)
            #expect(context.cognitoIdentity == #"{"cognitoIdentityId":"id-1"}"#)
            #expect(context.tenantID == nil)
            #expect(context.function.handler == "orchestrator")
            #expect(context.function.functionName == "sosw_orchestrator")
            #expect(context.function.memorySizeMB == 256)
            #expect(context.function.region == "eu-west-1")
            let handlerLine = try #require(loop.log.all.first { $0.message == "orchestrating" })
            #expect(handlerLine.requestID == "r1")
        }
    }

    @Test func aThrowingHandlerPostsAnErrorDocumentAndTheLoopGoesOn() async throws {
        try await withFakeRuntimeAPI { fake, port in
            fake.enqueue("r1", event: "bad")
            fake.enqueue("r2", event: "good")
            let loop = RunningLoop(port: port) { _ in
                { event, _ in
                    guard event != Array("bad".utf8) else { throw EssentialFailed(reason: "table sosw_tasks is missing") }
                    return Array("ok".utf8)
                }
            }
            let snapshot = try await fake.waitUntil("an error and a response") { $0.posts.count == 2 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)

            let error = snapshot.posts[0]
            #expect(error.kind == .error)
            #expect(error.requestID == "r1")
            #expect(error.headers["lambda-runtime-function-error-type"] == "EssentialFailed")
            #expect(error.headers["content-type"] == "application/json")
            #expect(error.text == #"{"errorMessage":"the essential failed: table sosw_tasks is missing","errorType":"EssentialFailed","stackTrace":[]}"#)
            #expect(try JSONDecoder().decode(LambdaErrorDocument.self, from: Data(error.body)) == LambdaErrorDocument(
                errorMessage: "the essential failed: table sosw_tasks is missing", errorType: "EssentialFailed"))
            #expect(snapshot.posts[1].kind == .response)
            #expect(snapshot.posts[1].requestID == "r2")
            #expect(snapshot.posts[1].text == "ok")
            let logged = try #require(loop.log.all.first { $0.level == .error })
            #expect(logged.requestID == "r1")
            #expect(logged.message.contains("table sosw_tasks is missing"))
        }
    }

    @Test func anInitFailureIsPostedToInitErrorAndEndsTheRunWithAnError() async throws {
        try await withFakeRuntimeAPI { fake, port in
            fake.enqueue("r1", event: "{}")
            let loop = RunningLoop(port: port) { _ in throw ConfigMissing() }
            let document = LambdaErrorDocument(errorMessage: "no config row for sosw_orchestrator", errorType: "ConfigMissing")
            #expect(try await loop.stopped() == .initializationFailed(document, reported: true))

            let snapshot = try await fake.waitUntil("the init error") { !$0.posts.isEmpty }
            #expect(snapshot.posts.count == 1)
            #expect(snapshot.posts[0].kind == .initError)
            #expect(snapshot.posts[0].headers["lambda-runtime-function-error-type"] == "ConfigMissing")
            #expect(try JSONDecoder().decode(LambdaErrorDocument.self, from: Data(snapshot.posts[0].body)) == document)
            #expect(snapshot.delivered.isEmpty, "no invocation is taken before the handler is initialised")
        }
    }

    @Test func aResponseRefusedAsTooLargeIsAnsweredWithAnErrorAndTheLoopGoesOn() async throws {
        try await withFakeRuntimeAPI(FakeRuntimeAPI(responseLimit: 64)) { fake, port in
            fake.enqueue("r1", event: "large")
            fake.enqueue("r2", event: "small")
            let loop = RunningLoop(port: port) { _ in
                { event, _ in event == Array("large".utf8) ? Array(repeating: UInt8(ascii: "x"), count: 100) : event }
            }
            let snapshot = try await fake.waitUntil("both invocations answered") { $0.posts.count == 3 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)

            #expect(snapshot.posts.map(\.kind) == [.response, .error, .response])
            #expect(snapshot.posts.map(\.requestID) == ["r1", "r1", "r2"])
            #expect(snapshot.posts.map(\.status) == [413, 202, 202])
            let document = try JSONDecoder().decode(LambdaErrorDocument.self, from: Data(snapshot.posts[1].body))
            #expect(document.errorType == "Function.ResponseSizeTooLarge")
            #expect(snapshot.posts[1].headers["lambda-runtime-function-error-type"] == "Function.ResponseSizeTooLarge")
            #expect(document.errorMessage.contains("the response of 100 bytes exceeds Lambda's payload limit"))
            #expect(document.errorMessage.contains("HTTP 413"))
            #expect(snapshot.posts[2].text == "small")
        }
    }

    @Test func anInvocationWithoutADeadlineIsAnsweredWithAnErrorAndTheLoopGoesOn() async throws {
        try await withFakeRuntimeAPI { fake, port in
            let headers = FakeRuntimeAPI.headers(requestID: "r1", deadline: 0).filter { $0.name != "Lambda-Runtime-Deadline-Ms" }
            fake.enqueue(FakeRuntimeAPI.Invocation(requestID: "r1", event: Array("{}".utf8), headers: headers))
            fake.enqueue("r2", event: "{}")
            let handled = Recorded<String>()
            let loop = RunningLoop(port: port) { _ in
                { event, context in
                    handled.append(context.requestID)
                    return event
                }
            }
            let snapshot = try await fake.waitUntil("both invocations answered") { $0.posts.count == 2 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)

            #expect(handled.all == ["r2"])
            #expect(snapshot.posts.map(\.kind) == [.error, .response])
            #expect(snapshot.posts.map(\.requestID) == ["r1", "r2"])
            let document = try JSONDecoder().decode(LambdaErrorDocument.self, from: Data(snapshot.posts[0].body))
            #expect(document.errorType == "Runtime.InvalidInvocation")
            #expect(document.errorMessage.contains("Lambda-Runtime-Deadline-Ms is missing"))
        }
    }

    @Test func aFailedPostToTheRuntimeAPIIsLoggedAndStopsTheLoop() async throws {
        try await withFakeRuntimeAPI(FakeRuntimeAPI(responseStatuses: ["r1": 500])) { fake, port in
            fake.enqueue("r1", event: "{}")
            fake.enqueue("r2", event: "{}")
            let loop = RunningLoop(port: port) { _ in { event, _ in event } }
            let failure = try await loop.stopped()
            guard case .runtimeAPIFailed(let call, let problem) = failure else {
                Issue.record("the loop ended with \(String(describing: failure))")
                return
            }
            #expect(call == "POST /runtime/invocation/r1/response")
            #expect(problem.hasPrefix("HTTP 500"))
            let snapshot = try await fake.waitUntil("the refused response") { !$0.posts.isEmpty }
            #expect(snapshot.delivered == ["r1"], "no invocation is taken after a failed post")
            let logged = try #require(loop.log.all.last)
            #expect(logged.level == .error)
            #expect(logged.message.contains("POST /runtime/invocation/r1/response failed: HTTP 500"))
        }
    }

    @Test func aRuntimeAPIThatCannotBeReachedStopsTheLoop() async throws {
        let loop = RunningLoop(port: 1) { _ in { event, _ in event } }
        let failure = try await loop.stopped()
        guard case .runtimeAPIFailed(let call, _) = failure else {
            Issue.record("the loop ended with \(String(describing: failure))")
            return
        }
        #expect(call == "GET /runtime/invocation/next")
    }

    @Test func cancellationStopsTheLoopWhileItWaitsForAnInvocation() async throws {
        try await withFakeRuntimeAPI { fake, port in
            let loop = RunningLoop(port: port) { _ in { event, _ in event } }
            try await fake.waitUntil("the loop to wait on /next") { $0.waitingForNext == 1 }
            loop.cancel()
            #expect(try await loop.stopped() == nil)
            #expect(loop.log.all.contains { $0.message == "Lambda runtime stopped: its task was cancelled" })
        }
    }

    @Test func cancellationDuringAnInvocationStopsTheLoopWithoutAnswering() async throws {
        try await withFakeRuntimeAPI { fake, port in
            fake.enqueue("r1", event: "{}")
            let (started, handlerStarted) = AsyncStream.makeStream(of: Void.self)
            let (never, neverContinuation) = AsyncStream.makeStream(of: Never.self)
            let loop = RunningLoop(port: port) { _ in
                { _, _ in
                    handlerStarted.yield()
                    for await _ in never {}  // ends only when the loop's task is cancelled
                    withExtendedLifetime(neverContinuation) {}
                    throw CancellationError()
                }
            }
            try await withDeadline(.seconds(20), "the handler to start") {
                var iterator = started.makeAsyncIterator()
                return await iterator.next()
            }
            loop.cancel()
            #expect(try await loop.stopped() == nil)
            let snapshot = try await fake.waitUntil("the invocation to be delivered") { $0.delivered == ["r1"] }
            #expect(snapshot.posts.isEmpty)
        }
    }
}
