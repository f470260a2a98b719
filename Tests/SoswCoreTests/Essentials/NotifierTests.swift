import Logging
import SoswCore
import Synchronization
import Testing

/// The Notifier batches as sosw's SnsManager: one publish per run of messages with the same recipient,
/// subject and attributes, sent when that changes or on commit.
@Suite struct NotifierTests {
    static let topic = "arn:aws:sns:eu-west-1:000000000000:sosw_dead"
    static let other = "arn:aws:sns:eu-west-1:000000000000:sosw_other"

    /// Records every publish; fails the ones it is told to.
    final class PublishLog: SNS {
        private let state = Mutex<(published: [PublishInput], failuresLeft: Int)>(([], 0))

        var published: [PublishInput] { state.withLock { $0.published } }

        func failNext(_ count: Int) {
            state.withLock { $0.failuresLeft = count }
        }

        func publish(_ input: PublishInput) async throws -> PublishOutput {
            try state.withLock { state in
                if state.failuresLeft > 0 {
                    state.failuresLeft -= 1
                    throw SNSError(code: .throttled, message: "Rate exceeded")
                }
                state.published.append(input)
            }
            return PublishOutput(messageId: "m")
        }
    }

    func notifier(_ sns: PublishLog) throws -> Notifier {
        return Notifier(
            config: try ScavengerConfig(document: ["sns_config": ["recipient": .string(Self.topic), "subject": "``sosw`` Info"]]), makeClient: { _ in sns },
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// `topic|subject|attributes|message` of each publish, in order.
    func summary(_ sns: PublishLog) -> [String] {
        sns.published.map { publish in
            let attributes = (publish.messageAttributes ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.dataType):\($0.value.stringValue)" }.joined(separator: ",")
            return "\(publish.topicArn.split(separator: ":").last!)|\(publish.subject ?? "-")|\(attributes)|\(publish.message)"
        }
    }

    @Test func messagesWaitForCommitAndGoOutJoinedBySoswsSeparator() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        try await notifier.send("a")
        try await notifier.send("b")
        #expect(sns.published.isEmpty)
        #expect(notifier.queued == 2)
        #expect(try await notifier.commit() == 1)
        #expect(summary(sns) == ["sosw_dead|``sosw`` Info||a\n\n#####\n\nb"])
        #expect(notifier.queued == 0)
        #expect(try await notifier.commit() == 0, "an empty queue publishes nothing")
    }

    @Test func aNewSubjectPublishesTheQueueUnderTheOldOneFirst() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        try await notifier.send("a", subject: "one")
        try await notifier.send("b")
        #expect(sns.published.isEmpty, "a message without a subject keeps the current one")
        try await notifier.send("c", subject: "two")
        #expect(summary(sns) == ["sosw_dead|one||a\n\n#####\n\nb"])
        try await notifier.send("d", subject: "two")
        try await notifier.send("e", subject: "one")
        #expect(summary(sns) == ["sosw_dead|one||a\n\n#####\n\nb", "sosw_dead|two||c\n\n#####\n\nd"])
        try await notifier.commit()
        #expect(summary(sns).last == "sosw_dead|one||e")
        #expect(notifier.subject == "one")
    }

    @Test func aNewRecipientPublishesTheQueueToTheOldOne() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        try await notifier.send("a", subject: "s")
        try await notifier.setRecipient(Self.topic)
        #expect(sns.published.isEmpty, "the same recipient changes nothing")
        try await notifier.setRecipient(Self.other)
        #expect(summary(sns) == ["sosw_dead|s||a"])
        try await notifier.send("b")
        try await notifier.commit()
        #expect(summary(sns) == ["sosw_dead|s||a", "sosw_other|s||b"])
        #expect(notifier.recipient == Self.other)
    }

    @Test func otherAttributesPublishTheQueueWithItsOwn() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        let red: [String: MessageAttributeValue] = ["colour": .string("red"), "count": .number(2)]
        try await notifier.send("a", subject: "s", attributes: red)
        try await notifier.send("b", attributes: red)
        try await notifier.send("c")
        #expect(summary(sns) == ["sosw_dead|s|colour=String:red,count=Number:2|a\n\n#####\n\nb"])
        try await notifier.send("d", attributes: ["tags": .stringArray(["x", "y"])])
        try await notifier.commit()
        #expect(summary(sns).dropFirst() == ["sosw_dead|s||c", #"sosw_dead|s|tags=String.Array:["x","y"]|d"#])
    }

    @Test func aFailedPublishKeepsItsBatchUnderItsOwnHeading() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        try await notifier.send("a", subject: "one")
        sns.failNext(1)
        await #expect(throws: SNSError.self) { try await notifier.send("b", subject: "two") }
        #expect(notifier.queued == 2, "neither the failed batch nor the new message is lost")
        sns.failNext(1)
        await #expect(throws: SNSError.self) { try await notifier.commit() }
        #expect(try await notifier.commit() == 2)
        #expect(summary(sns) == ["sosw_dead|one||a", "sosw_dead|two||b"])
    }

    @Test func aBatchOverSNSsLimitIsSplitAndAFailureResendsOnlyWhatWasNotSent() async throws {
        let sns = PublishLog()
        let notifier = try notifier(sns)
        let message = String(repeating: "x", count: 100_000)
        for _ in 0..<5 { try await notifier.send(message) }
        #expect(try await notifier.commit() == 3)
        #expect(sns.published.map { $0.message.utf8.count <= 262_144 } == [true, true, true])
        #expect(sns.published.map { $0.message.split(separator: "#####").count } == [2, 2, 1])
        for _ in 0..<3 { try await notifier.send(message) }
        sns.failNext(1)
        await #expect(throws: SNSError.self) { try await notifier.commit() }
        #expect(notifier.queued == 3)
        #expect(try await notifier.commit() == 2)
        #expect(sns.published.count == 5)
    }

    @Test func aRecipientThatIsNotATopicIsRefused() async throws {
        let notifier = try notifier(PublishLog())
        await #expect(throws: NotifierError.self) { try await notifier.setRecipient("sosw_dead") }
        #expect(notifier.recipient == Self.topic)
    }

    @Test func theClientIsMadeForTheConfiguredRegion() throws {
        let regions = Mutex<[String]>([])
        let make = { (document: JSONValue) throws -> Notifier in
            Notifier(
                config: try ScavengerConfig(document: ["sns_config": document]),
                makeClient: { region in
                    regions.withLock { $0.append(region) }
                    return PublishLog()
                }, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        }
        #expect(try make(["recipient": "arn:aws:sns:ap-southeast-2:1:dead"]).region == "ap-southeast-2")
        #expect(try make(["recipient": "arn:aws:sns:ap-southeast-2:1:dead", "region": "eu-central-1"]).region == "eu-central-1")
        #expect(regions.withLock { $0 } == ["ap-southeast-2", "eu-central-1"], "never sosw's fixed us-west-2")
    }
}
