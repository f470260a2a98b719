import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// Shared fixtures of the credential tests: a context whose environment, home, STS and network the test
/// chooses, at a fixed virtual time.
enum CredentialsTestSupport {
    /// 2026-01-05T02:00:00Z.
    static let start = UnixTime(seconds: 1_767_578_400)

    /// A transport for tests that must not reach any endpoint: every request is answered 599.
    static let noNetwork = AnsweringTransport { _ in AnsweringTransport.text(599, "no network in this test") }

    static func context(
        environment: [String: String], home: String = "/nonexistent-home", sts: FakeSTS = FakeSTS(),
        transport: any HTTPTransport = noNetwork, clock: any Clock<Duration> = ContinuousClock(),
        wallClock: any WallClock = SimExecutor(start: start).clock
    ) -> CredentialProviderContext {
        CredentialProviderContext(
            environment: environment, home: home, region: "eu-west-1", makeSTS: sts.factory, transport: transport,
            clock: clock, wallClock: wallClock)
    }

    /// The standard chain over `home`'s shared files, with the instance metadata service switched off so a
    /// profile that gives nothing ends the chain.
    static func chain(
        environment: [String: String], home: TemporaryHome, sts: FakeSTS = FakeSTS(),
        transport: any HTTPTransport = noNetwork
    ) throws -> CredentialsChain {
        var environment = environment
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        let config = try AWSSharedConfig.load(environment: environment, home: home.path)
        return CredentialsChain.standard(
            context: context(environment: environment, home: home.path, sts: sts, transport: transport),
            sharedConfig: config)
    }

    /// Runs `body` on a fresh simulation, so deadlines, pauses and expirations pass in virtual time; returns its
    /// result and the virtual time it took.
    static func simulate<Result: Sendable>(
        _ body: @escaping @Sendable (SimClock) async throws -> Result
    ) throws -> (Result, elapsed: Duration) {
        let executor = SimExecutor(start: start)
        let clock = executor.clock
        let result = try executor.run { try await body(clock) }
        return (result, executor.now - start)
    }

    /// The credentials error `body` throws; nil when it succeeds (or throws anything else, which is recorded).
    static func error(
        _ body: () async throws -> AWSCredentials, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> AWSCredentialsError? {
        do {
            _ = try await body()
            return nil
        } catch let error as AWSCredentialsError {
            return error
        } catch {
            Issue.record("expected an AWSCredentialsError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
