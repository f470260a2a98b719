import SoswCore

/// The fault points of the AWS ports a scenario turns on (`faults:`), and the ports of a run wrapped with
/// them. A run without any of these faults and without crashing essentials gets the fakes themselves, so
/// the common case pays nothing.
struct PortFaults: Sendable {
    var dynamoDB = FaultPointDynamoDB.Faults()
    var lambdaTooManyRequests = 0.0
    var cloudWatch = FaultPointCloudWatch.Faults()
    var snsPublishFailure = 0.0
    var essentialsCrash = false

    init(_ faults: [Fault]) {
        for fault in faults {
            switch fault {
            case .dynamoDBLatencySpike(let spike): dynamoDB.latencySpike = spike
            case .dynamoDBInternalError(let probability): dynamoDB.internalError = probability
            case .dynamoDBConditionalRace(let race): dynamoDB.conditionalRace = race
            case .lambdaTooManyRequests(let probability): lambdaTooManyRequests = probability
            case .cloudWatchMissingDatapoints(let probability): cloudWatch.missingDatapoints = probability
            case .cloudWatchDelayedDatapoints(let delay): cloudWatch.delayedDatapoints = delay
            case .snsPublishFailure(let probability): snsPublishFailure = probability
            case .essential(let essential) where essential.crash > 0: essentialsCrash = true
            default: continue
            }
        }
    }

    /// Whether any port needs a fault-point wrapper.
    var any: Bool {
        dynamoDB.any || lambdaTooManyRequests > 0 || cloudWatch.any || snsPublishFailure > 0 || essentialsCrash
    }

    /// The ports the essentials call: the fakes, wrapped with the fault points when any is on.
    func ports(
        dynamoDB: any DynamoDB, lambda: any Lambda, cloudWatch: any CloudWatch, sns: any SNS,
        clock: SimClock, log: EventLog, random: SeededRandom
    ) -> (dynamoDB: any DynamoDB, lambda: any Lambda, cloudWatch: any CloudWatch, sns: any SNS) {
        guard any else { return (dynamoDB, lambda, cloudWatch, sns) }
        return (
            FaultPointDynamoDB(base: dynamoDB, faults: self.dynamoDB, clock: clock, log: log, random: random),
            FaultPointLambda(base: lambda, tooManyRequests: lambdaTooManyRequests, clock: clock, log: log, random: random),
            FaultPointCloudWatch(base: cloudWatch, faults: self.cloudWatch, clock: clock, log: log, random: random),
            FaultPointSNS(base: sns, publishFailure: snsPublishFailure, clock: clock, log: log, random: random))
    }
}

extension EventLog {
    /// Logs a fault point that fired (`fault` with `kind`).
    func recordFault(_ kind: String, at time: UnixTime, _ extra: EventFields = [:]) {
        var fields = extra
        fields["kind"] = .string(kind)
        record(.fault, at: time, fields)
    }
}
