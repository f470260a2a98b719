import SoswCore

/// What a worker does when its execution completes, pluggable so that the scenario engine can make workers
/// report to sosw's WorkerAssistant through the Lambda port, exactly as production workers do, while the
/// fake Lambda itself knows nothing of sosw.
///
/// It runs inside the execution, within the function's Timeout: if the deadline passes first, the behaviour
/// is cancelled and the execution ends as a timeout. A thrown error is a function error (retried for async
/// events).
public protocol WorkerBehaviour: Sendable {
    /// Returns the function's response (the `Payload` of a synchronous invoke), or nil for none.
    func complete(_ invocation: WorkerInvocation) async throws -> JSONValue?
}

/// A ``WorkerBehaviour`` given as a closure.
public struct WorkerClosure: WorkerBehaviour {
    private let body: @Sendable (WorkerInvocation) async throws -> JSONValue?

    public init(_ body: @escaping @Sendable (WorkerInvocation) async throws -> JSONValue?) {
        self.body = body
    }

    public func complete(_ invocation: WorkerInvocation) async throws -> JSONValue? {
        try await body(invocation)
    }

    /// Does nothing and returns no payload: a worker whose effects do not matter to the simulation.
    public static let idle = WorkerClosure { _ in nil }
}
