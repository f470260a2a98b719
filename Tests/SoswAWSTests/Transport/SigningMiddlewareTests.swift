import SoswAWS
import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// The signing layer: signed requests carry SigV4 headers; unsigned ones go as they are, without asking for
/// credentials that may not exist yet.
@Suite struct SigningMiddlewareTests {
    final class CountingProvider: AWSCredentialsProvider {
        let calls = Mutex(0)

        func credentials() throws(AWSCredentialsError) -> AWSCredentials {
            calls.withLock { $0 += 1 }
            return AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")
        }
    }

    static func send(_ request: AWSHTTPRequest, provider: CountingProvider) async throws -> AWSHTTPRequest? {
        let clock = SimClock(executor: SimExecutor(start: UnixTime(seconds: 1_767_578_400)))
        let transport = ScriptedTransport([ScriptedTransport.ok], wallClock: clock)
        let middleware = SigningMiddleware(credentials: provider, region: "us-east-1", service: "sts", wallClock: clock)
        _ = try await AWSPipeline([middleware], transport: transport).send(request)
        return transport.sent.first?.request
    }

    static let request = AWSHTTPRequest(
        method: "POST", endpoint: ScriptedClient.endpoint, headers: [.init("Content-Type", "application/x-www-form-urlencoded")],
        body: Array("Action=AssumeRoleWithWebIdentity".utf8))

    @Test func signedRequestsCarryTheSignatureAndTheDate() async throws {
        let provider = CountingProvider()
        let sent = try #require(try await Self.send(Self.request, provider: provider))
        #expect(sent.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/20260105/us-east-1/sts/") == true)
        #expect(sent.header("X-Amz-Date") == "20260105T020000Z")
        #expect(provider.calls.withLock { $0 } == 1)
    }

    @Test func unsignedRequestsGoAsTheyAreAndAskNoCredentials() async throws {
        var unsigned = Self.request
        unsigned.isUnsigned = true
        let provider = CountingProvider()
        let sent = try await Self.send(unsigned, provider: provider)
        #expect(sent == unsigned)
        #expect(provider.calls.withLock { $0 } == 0)
    }
}
