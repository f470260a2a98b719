import SoswCore
import Testing

@testable import SoswSimulation

@Suite("The simulated SNS")
struct SimulatedSNSTests {
    private static let topic = "arn:aws:sns:us-east-1:000000000000:sosw_dead_tasks"

    private func publishTwice(seed: UInt64) throws -> (SimulatedSNS, [String], EventLog) {
        let executor = SimExecutor(start: FakeServiceHarness.start, strict: true)
        let log = EventLog(keepsLines: true)
        let sns = SimulatedSNS(clock: executor.clock, random: SeededRandom(seed: seed), log: log)
        let clock = executor.clock
        let ids = try executor.run {
            let first = try await sns.publish(PublishInput(topicArn: Self.topic, message: "Closing dead task: t1 ", subject: "sosw Dead Task"))
            try await clock.sleep(for: .seconds(90))
            let second = try await sns.publish(PublishInput(topicArn: Self.topic, message: "Closing dead task: t2 "))
            return [first.messageId, second.messageId]
        }
        return (sns, ids, log)
    }

    @Test("every message is recorded with its topic, subject and virtual time; ids come from the seed")
    func recordsMessages() throws {
        let (sns, ids, log) = try publishTwice(seed: 1)
        #expect(sns.notifications.map(\.message) == ["Closing dead task: t1 ", "Closing dead task: t2 "])
        #expect(sns.notifications.map(\.subject) == ["sosw Dead Task", nil])
        #expect(sns.notifications.map(\.publishedAt) == [FakeServiceHarness.start, FakeServiceHarness.start + .seconds(90)])
        #expect(sns.notifications.map(\.messageID) == ids)
        #expect(ids.allSatisfy { $0.count == 36 && $0.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12] })
        #expect(Set(ids).count == 2)
        #expect(log.count == 2)
        #expect(try publishTwice(seed: 1).1 == ids)
        #expect(try publishTwice(seed: 2).1 != ids)
    }

    @Test("malformed requests and unknown topics are refused with the service's codes")
    func validation() throws {
        let executor = SimExecutor(start: FakeServiceHarness.start, strict: true)
        let sns = SimulatedSNS(clock: executor.clock, random: SeededRandom(seed: 1), log: EventLog(), topics: [Self.topic])
        let errors = try executor.run { () -> [SNSError] in
            var errors: [SNSError] = []
            let inputs = [
                PublishInput(topicArn: "sosw_dead_tasks", message: "m"),
                PublishInput(topicArn: "arn:aws:sns:us-east-1:000000000000:other", message: "m"),
                PublishInput(topicArn: Self.topic, message: ""),
                PublishInput(topicArn: Self.topic, message: "m", subject: String(repeating: "s", count: 101)),
                PublishInput(topicArn: Self.topic, message: "m", subject: "two\nlines"),
            ]
            for input in inputs {
                do { _ = try await sns.publish(input) } catch let error as SNSError { errors.append(error) }
            }
            return errors
        }
        #expect(errors.map(\.code) == [.invalidParameter, .notFound, .invalidParameter, .invalidParameter, .invalidParameter])
        #expect(errors.map(\.httpStatus) == [400, 404, 400, 400, 400])
        #expect(sns.notifications.isEmpty)
    }
}
