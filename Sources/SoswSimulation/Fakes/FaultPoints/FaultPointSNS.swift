import SoswCore

/// The SNS port with fault points in front of the fake: Publish refused with a 500 InternalError (nothing
/// published), and the crash point of a crashing essential run.
struct FaultPointSNS: SNS {
    let base: any SNS
    let publishFailure: Double
    let clock: SimClock
    let log: EventLog
    private let failures: SeededRandom

    init(base: any SNS, publishFailure: Double, clock: SimClock, log: EventLog, random: SeededRandom) {
        self.base = base
        self.publishFailure = publishFailure
        self.clock = clock
        self.log = log
        failures = random.stream("faults/sns/publish_failure")
    }

    func publish(_ input: PublishInput) async throws -> PublishOutput {
        try EssentialCrash.beforeCall()
        if publishFailure > 0, failures.bernoulli(publishFailure) {
            log.recordFault("sns_publish_failure", at: clock.currentTime(), ["topic": .string(input.topicArn)])
            throw SNSError(code: .internalError, message: "Internal Error: the simulated SNS failed the publish")
        }
        return try await base.publish(input)
    }
}
