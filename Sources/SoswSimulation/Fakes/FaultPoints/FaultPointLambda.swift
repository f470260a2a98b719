import SoswCore

/// The Lambda port with fault points in front of the fake: Invoke refused with 429 TooManyRequestsException
/// (the event not accepted), and the crash point of a crashing essential run. The service-side faults (late
/// and lost events, timeouts) live in ``SimulatedLambda`` itself.
struct FaultPointLambda: Lambda {
    let base: any Lambda
    let tooManyRequests: Double
    let clock: SimClock
    let log: EventLog
    private let refusals: SeededRandom

    init(base: any Lambda, tooManyRequests: Double, clock: SimClock, log: EventLog, random: SeededRandom) {
        self.base = base
        self.tooManyRequests = tooManyRequests
        self.clock = clock
        self.log = log
        refusals = random.stream("faults/lambda/too_many_requests")
    }

    func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        try EssentialCrash.beforeCall()
        if tooManyRequests > 0, refusals.bernoulli(tooManyRequests) {
            log.recordFault("lambda_too_many_requests", at: clock.currentTime(), ["function": .string(input.functionName)])
            throw LambdaError.tooManyRequests(.callerRateLimitExceeded)
        }
        return try await base.invoke(input)
    }

    func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        try EssentialCrash.beforeCall()
        return try await base.getFunctionConfiguration(input)
    }
}
