import SoswAWS
import SoswCore
import Testing

/// The live SNS client against moto's server: a publish to a topic, and to a topic that does not exist.
@Suite("SNSClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct SNSClientMotoTests {
    @Test func publishesToATopic() async throws {
        let sns = try MotoServer.client(SNSClient.self)
        let created = try await sns.client.queryCall("CreateTopic", ["Name": MotoServer.uniqueName("sosw-test-topic")])
        let topicARN = try sns.client.required("TopicArn", in: created, of: "CreateTopic").text
        let first = try await sns.publish(PublishInput(topicArn: topicARN, message: "Closing dead task: t-1", subject: "sosw Dead Task"))
        let second = try await sns.publish(PublishInput(
            topicArn: topicARN, message: "Closing dead task: t-2",
            messageAttributes: ["labourer": .string("worker_a"), "attempts": .number(3), "tags": .stringArray(["a", "b"])]))
        #expect(!first.messageId.isEmpty)
        #expect(first.messageId != second.messageId)
    }

    @Test func aMissingTopicIsNotFound() async throws {
        let sns = try MotoServer.client(SNSClient.self)
        let topicARN = "arn:aws:sns:\(MotoServer.region):\(MotoServer.accountID):\(MotoServer.uniqueName("sosw-test-missing"))"
        let error = await thrownError { _ = try await sns.publish(PublishInput(topicArn: topicARN, message: "x")) }
        #expect((error as? SNSError)?.code == .notFound, "\(String(describing: error))")
    }
}
