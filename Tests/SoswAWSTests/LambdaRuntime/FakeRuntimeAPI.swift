import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Lambda's Runtime API as a test peer on 127.0.0.1: tests queue invocations, `/next` hands them out in order
/// (waiting while there are none, as Lambda does), and every post to `/response`, `/error` and `/init/error` is
/// recorded with its request id, headers and body. Tests wait on what was recorded with ``waitUntil(_:_:)``.
final class FakeRuntimeAPI: Sendable {
    static let host = "127.0.0.1"
    static let functionARN = "arn:aws:lambda:eu-west-1:123456789012:function:sosw_orchestrator"

    struct Invocation: Sendable {
        var requestID: String
        var event: [UInt8]
        /// Sent as they are; the defaults carry a request id, a deadline, the ARN and a trace id.
        var headers: [(name: String, value: String)]
    }

    struct Post: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case response, error, initError
        }

        var kind: Kind
        var requestID: String?
        /// Header names lower-cased.
        var headers: [String: String]
        var body: [UInt8]
        /// What the fake answered.
        var status: Int

        var text: String {
            String(decoding: body, as: UTF8.self)
        }
    }

    /// What tests read and wait on.
    struct Snapshot: Sendable {
        var posts: [Post] = []
        /// `/next` requests waiting for an invocation right now.
        var waitingForNext = 0
        /// Request ids handed out by `/next`, in order.
        var delivered: [String] = []
    }

    private struct Waiter {
        var condition: @Sendable (Snapshot) -> Bool
        var continuation: CheckedContinuation<Snapshot?, Never>
    }

    private struct State {
        var snapshot = Snapshot()
        var queued: [Invocation] = []
        var nextRequests: [Int: CheckedContinuation<Invocation?, Never>] = [:]
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
        var closed = false
    }

    /// Responses larger than this get 413, as Lambda answers responses over its 6 MB limit.
    let responseLimit: Int
    /// Request ids whose `/response` post is answered with this status instead of 202.
    let responseStatuses: [String: Int]
    private let state = Mutex(State())
    private let serviceGroup = Mutex<ServiceGroup?>(nil)

    init(responseLimit: Int = 1 << 20, responseStatuses: [String: Int] = [:]) {
        self.responseLimit = responseLimit
        self.responseStatuses = responseStatuses
    }

    /// Headers of an invocation as Lambda sends them; `deadline` in epoch milliseconds.
    static func headers(requestID: String, deadline: Int64) -> [(name: String, value: String)] {
        [
            ("Lambda-Runtime-Aws-Request-Id", requestID), ("Lambda-Runtime-Deadline-Ms", "\(deadline)"),
            ("Lambda-Runtime-Invoked-Function-Arn", functionARN),
            ("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
            ("Content-Type", "application/json"),
        ]
    }

    func enqueue(_ requestID: String, event: String, deadline: Int64 = 1_767_225_600_000) {
        enqueue(Invocation(
            requestID: requestID, event: Array(event.utf8), headers: Self.headers(requestID: requestID, deadline: deadline)))
    }

    func enqueue(_ invocation: Invocation) {
        let waiting = state.withLock { state -> CheckedContinuation<Invocation?, Never>? in
            guard let first = state.nextRequests.keys.min() else {
                state.queued.append(invocation)
                return nil
            }
            state.snapshot.delivered.append(invocation.requestID)
            state.snapshot.waitingForNext -= 1
            return state.nextRequests.removeValue(forKey: first)
        }
        waiting?.resume(returning: invocation)
        notifyWaiters()
    }

    /// Waits until `condition` holds for what the fake has seen, for at most `timeout`; returns that snapshot.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), _ condition: @escaping @Sendable (Snapshot) -> Bool
    ) async throws -> Snapshot {
        try await withDeadline(timeout, what) {
            let id = self.state.withLock { state in
                state.nextID += 1
                return state.nextID
            }
            return await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let ready = self.state.withLock { state -> Snapshot? in
                        if condition(state.snapshot) { return state.snapshot }
                        state.waiters[id] = Waiter(condition: condition, continuation: continuation)
                        return nil
                    }
                    if let ready { continuation.resume(returning: ready) }
                }
            } onCancel: {
                self.state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume(returning: nil)
            }
        }
    }

    /// Answers every waiting `/next` (with 503), then shuts the server down gracefully; ``run(onListening:)``
    /// returns once it has.
    func stop() async {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.nextRequests = [:] }
            return Array(state.nextRequests.values)
        }
        for continuation in waiting {
            continuation.resume(returning: nil)
        }
        await serviceGroup.withLock { $0 }?.triggerGracefulShutdown()
    }

    /// Serves on a free port until ``stop()``; `onListening` receives the port.
    func run(onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let router = Router()
        let base = "/2018-06-01/runtime"
        router.get("\(base)/invocation/next") { _, _ in
            await self.next()
        }
        router.post("\(base)/invocation/:requestID/response") { request, context in
            let requestID = context.parameters.get("requestID")
            let body = try await Self.body(of: request)
            let status = body.count > self.responseLimit ? 413 : requestID.flatMap { self.responseStatuses[$0] } ?? 202
            return self.record(.response, requestID: requestID, request: request, body: body, status: status)
        }
        router.post("\(base)/invocation/:requestID/error") { request, context in
            let body = try await Self.body(of: request)
            return self.record(.error, requestID: context.parameters.get("requestID"), request: request, body: body)
        }
        router.post("\(base)/init/error") { request, _ in
            self.record(.initError, requestID: nil, request: request, body: try await Self.body(of: request))
        }
        var logger = Logger(label: "fake-runtime-api")
        logger.logLevel = .warning
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(Self.host, port: 0), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(services: [application], logger: logger)
        serviceGroup.withLock { $0 = group }
        try await group.run()
    }

    private func next() async -> Response {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        let invocation = await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Invocation?? in
                if state.closed { return .some(nil) }
                guard state.queued.isEmpty else {
                    let invocation = state.queued.removeFirst()
                    state.snapshot.delivered.append(invocation.requestID)
                    return invocation
                }
                state.nextRequests[id] = continuation
                state.snapshot.waitingForNext += 1
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
            notifyWaiters()
        }
        guard let invocation else { return Response(status: .serviceUnavailable) }
        var headers = HTTPFields()
        for header in invocation.headers {
            headers.append(HTTPField(name: HTTPField.Name(header.name)!, value: header.value))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: invocation.event)))
    }

    private func record(
        _ kind: Post.Kind, requestID: String?, request: Request, body: [UInt8], status: Int = 202
    ) -> Response {
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName] = field.value
        }
        let post = Post(kind: kind, requestID: requestID, headers: headers, body: body, status: status)
        state.withLock { $0.snapshot.posts.append(post) }
        notifyWaiters()
        let answer =
            status == 413
            ? #"{"errorMessage":"Exceeded maximum allowed payload size (\#(responseLimit) bytes).","errorType":"RequestEntityTooLarge"}"#
            : #"{"status":"OK"}"#
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer)))
    }

    private static func body(of request: Request) async throws -> [UInt8] {
        Array(try await request.body.collect(upTo: 64 << 20).readableBytesView)
    }

    private func notifyWaiters() {
        let satisfied = state.withLock { state in
            let snapshot = state.snapshot
            let ready = state.waiters.filter { $0.value.condition(snapshot) }
            for id in ready.keys {
                state.waiters.removeValue(forKey: id)
            }
            return ready.values.map { ($0.continuation, snapshot) }
        }
        for (continuation, snapshot) in satisfied {
            continuation.resume(returning: snapshot)
        }
    }
}
