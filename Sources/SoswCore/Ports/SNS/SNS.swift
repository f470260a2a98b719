/// The SNS port: the one call sosw makes (the Scavenger announces dead tasks), in the API's own shapes,
/// throwing ``SNSError``.
public protocol SNS: Sendable {
    func publish(_ input: PublishInput) async throws -> PublishOutput
}
