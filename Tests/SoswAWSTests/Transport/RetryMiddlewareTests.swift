import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// The retry layer on virtual time: which failures are retried, how long it waits (exactly, from the seeded
/// jitter), that each attempt is signed afresh, and that the quota stops retry storms.
@Suite struct RetryMiddlewareTests {
    static let endpoint = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 8000)
    static let request = AWSHTTPRequest(
        method: "POST", endpoint: endpoint, headers: [.init("X-Amz-Target", "DynamoDB_20120810.GetItem")],
        body: Array("{}".utf8))
    static let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")

    struct Run {
        var response: Result<AWSHTTPResponse, any Error>
        var sent: [ScriptedTransport.Sent]
        var finishedAt: UnixTime
    }

    /// Sends `request` once through the standard pipeline on a fresh simulation, seed 42.
    static func run(
        _ script: [Result<AWSHTTPResponse, HTTPTransportError>], retry: RetryStrategy = RetryStrategy(),
        quota: RetryQuota = RetryQuota()
    ) throws -> Run {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        let clock = executor.clock
        let transport = ScriptedTransport(script, wallClock: clock)
        let pipeline = AWSPipeline.standard(
            transport: transport, credentials: StaticCredentialsProvider(credentials), region: "us-east-1",
            service: "dynamodb", wallClock: clock, clock: clock, random: SeededRandom(seed: 42), retry: retry,
            quota: quota)
        let response = try executor.run { () -> Result<AWSHTTPResponse, any Error> in
            do {
                return .success(try await pipeline.send(request))
            } catch {
                return .failure(error)
            }
        }
        return Run(response: response, sent: transport.sent, finishedAt: executor.now)
    }

    /// The delays the middleware must have slept: the strategy's, drawn from a source with the same seed.
    static func expectedDelays(_ count: Int, retry: RetryStrategy = RetryStrategy()) -> [Duration] {
        let random = SeededRandom(seed: 42)
        return (1...count).map { retry.delay(beforeRetry: $0, random: random) }
    }

    @Test func throttlingIsRetriedAfterAJitteredBackoffOnTheInjectedClock() throws {
        let run = try Self.run([ScriptedTransport.error(400, "ProvisionedThroughputExceededException"), ScriptedTransport.ok])
        #expect(try run.response.get().status == 200)
        #expect(run.sent.count == 2)
        let delay = Self.expectedDelays(1)[0]
        #expect(delay > .zero && delay < .seconds(1))
        #expect(run.sent[1].at - run.sent[0].at == delay)
    }

    @Test func eachAttemptIsSignedAtItsOwnTime() throws {
        let run = try Self.run([ScriptedTransport.error(400, "ThrottlingException"), ScriptedTransport.error(503, "ServiceUnavailable"), ScriptedTransport.ok])
        #expect(run.sent.count == 3)
        for sent in run.sent {
            #expect(sent.request.header("X-Amz-Date") == SigV4Timestamp.amzDate(sent.at))
            #expect(sent.request.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/") == true)
            #expect(sent.request.header("Host") == "127.0.0.1:8000")
        }
        let verifier = SigV4Verifier(credentials: [Self.credentials], expectedService: "dynamodb")
        for sent in run.sent {
            #expect(throws: Never.self) { try verifier.verify(sent.request.sigV4Request, now: sent.at) }
        }
    }

    @Test func givesUpAfterMaxAttemptsWithTheLastResponse() throws {
        let throttled = ScriptedTransport.error(400, "ThrottlingException")
        let run = try Self.run([throttled, throttled, throttled, ScriptedTransport.ok])
        #expect(run.sent.count == 3)
        #expect(try run.response.get().status == 400)
        let delays = Self.expectedDelays(2)
        #expect(run.sent[2].at - run.sent[0].at == delays[0] + delays[1])
    }

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetried(status: Int) throws {
        let run = try Self.run([ScriptedTransport.json(status, "{}"), ScriptedTransport.ok])
        #expect(run.sent.count == 2)
        #expect(try run.response.get().status == 200)
    }

    @Test(arguments: ["ValidationException", "ConditionalCheckFailedException", "ResourceNotFoundException"])
    func clientErrorsAreNotRetried(code: String) throws {
        let run = try Self.run([ScriptedTransport.error(400, code), ScriptedTransport.ok])
        #expect(run.sent.count == 1)
        #expect(try run.response.get().status == 400)
        #expect(run.finishedAt == UnixTime(seconds: 1_767_578_400))
    }

    @Test func transientTransportFailuresAreRetriedAndPermanentOnesAreNot() throws {
        let retried = try Self.run([.failure(HTTPTransportError(.connection, "reset")), ScriptedTransport.ok])
        #expect(retried.sent.count == 2)
        #expect(try retried.response.get().status == 200)

        let permanent = try Self.run([.failure(HTTPTransportError(.invalidRequest, "bad URL")), ScriptedTransport.ok])
        #expect(permanent.sent.count == 1)
        #expect(throws: HTTPTransportError(.invalidRequest, "bad URL")) { try permanent.response.get() }
    }

    @Test func aDamagedResponseIsRetried() throws {
        let damaged = AWSHTTPResponse(status: 200, headers: [.init("x-amz-crc32", "1")], body: Array("{}".utf8))
        let intact = AWSHTTPResponse(
            status: 200, headers: [.init("x-amz-crc32", String(CRC32.checksum(Array("{}".utf8))))],
            body: Array("{}".utf8))
        let run = try Self.run([.success(damaged), .success(intact)])
        #expect(run.sent.count == 2)
        #expect(try run.response.get() == intact)
    }

    @Test func configuredAttemptsAreHonoured() throws {
        let throttled = ScriptedTransport.error(400, "ThrottlingException")
        let once = try Self.run([throttled, ScriptedTransport.ok], retry: RetryStrategy(maxAttempts: 1))
        #expect(once.sent.count == 1)
        let five = try Self.run(Array(repeating: throttled, count: 4) + [ScriptedTransport.ok], retry: RetryStrategy(maxAttempts: 5))
        #expect(five.sent.count == 5)
        #expect(try five.response.get().status == 200)
    }

    @Test func anEmptyQuotaStopsRetryingAndSuccessesRefillIt() throws {
        let quota = RetryQuota(capacity: 12)
        let throttled = ScriptedTransport.error(400, "ThrottlingException")
        let first = try Self.run([throttled, throttled, throttled], quota: quota)
        #expect(first.sent.count == 3)
        #expect(quota.availableTokens == 2)
        let starved = try Self.run([throttled, ScriptedTransport.ok], quota: quota)
        #expect(starved.sent.count == 1)
        _ = try Self.run([ScriptedTransport.ok], quota: quota)
        #expect(quota.availableTokens == 3)
    }
}
