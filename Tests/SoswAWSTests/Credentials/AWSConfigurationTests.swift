import SoswAWS
import SoswSimulation
import Testing

/// The entry point the command line uses: region and cached credentials from a given environment and home.
@Suite struct AWSConfigurationTests {
    typealias Support = CredentialsTestSupport

    static func resolve(_ environment: [String: String], home: TemporaryHome, sts: FakeSTS = FakeSTS())
        throws(AWSConfigurationError) -> AWSConfiguration
    {
        try AWSConfiguration.resolve(
            environment: environment, home: home.path, makeSTS: sts.factory, transport: Support.noNetwork,
            clock: ContinuousClock(), wallClock: SimExecutor(start: Support.start).clock)
    }

    @Test func regionAndCredentialsFromTheSelectedProfile() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/config", "[profile dev]\nregion = ap-southeast-2\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = keys\n")
            home.write(".aws/credentials", "[keys]\naws_access_key_id = AKIDKEYS\naws_secret_access_key = s\n")
            let sts = FakeSTS()
            let configuration = try Self.resolve(["AWS_PROFILE": "dev"], home: home, sts: sts)
            #expect(configuration.region == "ap-southeast-2")
            #expect(configuration.profile == "dev")
            #expect(sts.calls.isEmpty)
            #expect(try await configuration.credentials.credentials().accessKeyID == "ASIA-dev")
            _ = try await configuration.credentials.credentials()
            #expect(sts.calls.count == 1)
            #expect(sts.calls.first?.region == "ap-southeast-2")
        }
    }

    @Test func anUnknownProfileStopsResolutionEvenWithARegionVariable() async {
        await TemporaryHome.with { home in
            let error = #expect(throws: AWSConfigurationError.self) {
                try Self.resolve(["AWS_PROFILE": "nope", "AWS_REGION": "eu-west-1"], home: home)
            }
            guard case .profileNotFound("nope", "AWS_PROFILE", _, [])? = error else {
                Issue.record("expected the profile to be named, got \(String(describing: error))")
                return
            }
        }
    }

    @Test func aBrokenSharedFileStopsResolution() async {
        await TemporaryHome.with { home in
            home.write(".aws/config", "[default\n")
            #expect(throws: AWSConfigurationError.invalidFile(path: home.configFile, line: 1, problem: "a section header without ]")) {
                try Self.resolve(["AWS_REGION": "eu-west-1"], home: home)
            }
        }
    }
}
