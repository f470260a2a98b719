import SoswCore

/// The live ``SNS``, on awsQuery: `Publish` is a form post (`Action=Publish&Version=2010-03-31&TopicArn=…`,
/// message attributes as numbered `MessageAttributes.entry.N` members in name order)
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
        var parameters: [(key: String, value: String?)] = [
            ("TopicArn", input.topicArn), ("Message", input.message), ("Subject", input.subject),
        ]
        for (number, (name, value)) in (input.messageAttributes ?? [:]).sorted(by: { $0.key < $1.key }).enumerated() {
            let entry = "MessageAttributes.entry.\(number + 1)"
            parameters += [
                ("\(entry).Name", name), ("\(entry).Value.DataType", value.dataType),
                ("\(entry).Value.StringValue", value.stringValue),
            ]
        }
        let result = try await client.queryCall("Publish", parameterList: parameters)
        return PublishOutput(messageId: try client.required("MessageId", in: result, of: "Publish").text)
    }
}
