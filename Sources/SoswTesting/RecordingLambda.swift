import SoswCore
import Synchronization

/// A Lambda port that runs nothing: it records every call and accepts it, so a test asserts on exactly what
/// the essentials sent (which function, which invocation type, which payload bytes) and decides itself when
/// a worker "finishes". Use ``SoswSimulation/SimulatedLambda`` instead when executions, concurrency and
/// throttling matter.
public final class RecordingLambda: Lambda {
    /// One recorded `Invoke`.
    public struct Invocation: Sendable, Hashable {
        public var functionName: String
        public var invocationType: InvocationType?
        /// The payload, parsed.
        public var payload: JSONValue
        /// The payload bytes as sent, to check how a value is spelled (`1767578400.0` versus `1767578400`).
        public var text: String
    }

    private struct State {
        var invocations: [Invocation] = []
        var configurationReads: [String] = []
        var failing: Set<String> = []
    }

    private let state = Mutex(State())
    /// The `Timeout` every function reports, in seconds: sosw's `max_duration` when a labourer sets none,
    /// and so the base of the Scavenger's linear retry delay.
    public let timeoutSeconds: Int

    public init(timeoutSeconds: Int = 45) {
        self.timeoutSeconds = timeoutSeconds
    }

    /// Every accepted `Invoke`, in call order.
    public var invocations: [Invocation] { state.withLock { $0.invocations } }
    /// The function names of every `GetFunctionConfiguration`, in call order.
    public var configurationReads: [String] { state.withLock { $0.configurationReads } }

    /// Makes every later call for `function` fail as a missing function would (`ResourceNotFoundException`).
    public func fail(_ function: String) {
        state.withLock { _ = $0.failing.insert(function) }
    }

    public func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        let failing = state.withLock { $0.failing.contains(input.functionName) }
        if failing { throw LambdaError.functionNotFound(input.functionName) }
        let text = String(decoding: input.payload ?? [], as: UTF8.self)
        let payload = try JSONValue(parsing: text)
        state.withLock {
            $0.invocations.append(Invocation(
                functionName: input.functionName, invocationType: input.invocationType, payload: payload, text: text))
        }
        return InvokeOutput(statusCode: 202)
    }

    public func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        let failing = state.withLock { state in
            state.configurationReads.append(input.functionName)
            return state.failing.contains(input.functionName)
        }
        if failing { throw LambdaError.functionNotFound(input.functionName) }
        return FunctionConfiguration(functionName: input.functionName, functionArn: input.functionName, timeout: timeoutSeconds)
    }
}
