import SoswAWS
import SoswCore
import Testing

/// The live SNS client against a scripted transport: a form-encoded Publish and the XML it gets back.
@Suite struct SNSClientTests {
    static let topic = "arn:aws:sns:us-east-1:123456789012:sosw_info"

    @Test func publishIsAFormPostAnsweredWithTheMessageId() async throws {
        let (client, transport) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(200, """
                <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
                  <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
                </PublishResponse>
                """)
        ])
        let output = try await client.publish(PublishInput(
            topicArn: Self.topic, message: "Closing dead task: 42 ", subject: "``sosw`` Dead Task"))
        #expect(output == PublishOutput(messageId: "567910cd-659e-55d4-8ccb-5aaf14679dc0"))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/", headers: ["Content-Type: application/x-www-form-urlencoded; charset=utf-8"],
            body: "Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Asosw_info"
                + "&Message=Closing+dead+task%3A+42+&Subject=%60%60sosw%60%60+Dead+Task"))
    }

    @Test func aPublishWithoutSubjectLeavesItOut() async throws {
        let (client, transport) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(200, "<PublishResponse><PublishResult><MessageId>m</MessageId></PublishResult></PublishResponse>")
        ])
        _ = try await client.publish(PublishInput(topicArn: "t", message: "x"))
        #expect(ScriptedClient.onlyRequest(of: transport)?.body == "Action=Publish&Version=2010-03-31&TopicArn=t&Message=x")
    }

    @Test func messageAttributesAreNumberedEntriesInNameOrder() async throws {
        let (client, transport) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(200, "<PublishResponse><PublishResult><MessageId>m</MessageId></PublishResult></PublishResponse>")
        ])
        _ = try await client.publish(PublishInput(
            topicArn: "t", message: "x", messageAttributes: ["tags": .stringArray(["a"]), "count": .number(2)]))
        #expect(ScriptedClient.onlyRequest(of: transport)?.body == "Action=Publish&Version=2010-03-31&TopicArn=t&Message=x"
            + "&MessageAttributes.entry.1.Name=count&MessageAttributes.entry.1.Value.DataType=Number"
            + "&MessageAttributes.entry.1.Value.StringValue=2"
            + "&MessageAttributes.entry.2.Name=tags&MessageAttributes.entry.2.Value.DataType=String.Array"
            + "&MessageAttributes.entry.2.Value.StringValue=%5B%22a%22%5D")
    }

    @Test func anXMLErrorResponseBecomesTheSNSError() async {
        let (client, _) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(404, """
                <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
                  <RequestId>a1</RequestId>
                </ErrorResponse>
                """)
        ])
        let error = await thrownError { _ = try await client.publish(PublishInput(topicArn: Self.topic, message: "x")) }
        #expect(error as? SNSError == SNSError(code: .notFound, message: "Topic does not exist"))
    }

    @Test func anUnmodelledCodeIsAServiceErrorWithTheRequestID() async {
        let (client, _) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(403, """
                <ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code>\
                <Message>not authorized to perform SNS:Publish</Message></Error><RequestId>a2</RequestId></ErrorResponse>
                """)
        ])
        let error = await thrownError { _ = try await client.publish(PublishInput(topicArn: Self.topic, message: "x")) }
        #expect(error as? AWSServiceError == AWSServiceError(
            service: "SNS", operation: "Publish", status: 403, code: "AuthorizationError",
            message: "not authorized to perform SNS:Publish", requestID: "a2"))
    }

    @Test func aResultWithoutMessageIdIsAMalformedResponse() async throws {
        let (client, _) = ScriptedClient.make(SNSClient.self, [
            ScriptedTransport.xml(200, "<PublishResponse><PublishResult/></PublishResponse>")
        ])
        let error = try #require(
            await thrownError { _ = try await client.publish(PublishInput(topicArn: "t", message: "x")) } as? AWSServiceError)
        #expect(error.message.contains("<PublishResult> has no <MessageId>"))
    }
}
