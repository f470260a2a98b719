import SoswCore

/// The live ``SNS``, on awsQuery: `Publish` is a form post (`Action=Publish&Version=2010-03-31&TopicArn=…`)
/// answered in XML. Error responses (`<ErrorResponse><Error><Code>`) become the ``SNSError`` the simulated SNS
/// throws; codes the port does not model become an ``AWSServiceError``.
public struct SNSClient: SNS, AWSServiceClient {
    public static let service = AWSService(
        serviceID: "SNS", signingName: "sns", wireProtocol: .awsQuery(apiVersion: "2010-03-31"))

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        error.code.flatMap(SNSError.Code.init(rawValue:)).map { SNSError(code: $0, message: error.message ?? "") }
    }

    public func publish(_ input: PublishInput) async throws -> PublishOutput {
        let result = try await client.queryCall(
            "Publish", ["TopicArn": input.topicArn, "Message": input.message, "Subject": input.subject])
        return PublishOutput(messageId: try client.required("MessageId", in: result, of: "Publish").text)
    }
}
