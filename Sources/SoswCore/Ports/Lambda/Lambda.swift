/// The Lambda port: the two operations sosw needs, in the API's own request and response shapes, throwing
/// ``LambdaError`` with the service's codes.
///
/// The Orchestrator invokes workers and workers invoke the WorkerAssistant through this protocol; the
/// simulation plugs in a fake that runs worker models in virtual time, production the live client. Methods
/// throw untyped errors because a live client can also fail in transport; service errors are always
/// ``LambdaError``.
public protocol Lambda: Sendable {
    /// `Invoke`: runs a function synchronously (`RequestResponse`), queues an event for it (`Event`, answered
    /// with 202 before anything runs) or only checks the request (`DryRun`, 204).
    func invoke(_ input: InvokeInput) async throws -> InvokeOutput

    /// `GetFunctionConfiguration`: the function's settings, notably its `Timeout` (sosw's `max_duration`).
    func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration
}
