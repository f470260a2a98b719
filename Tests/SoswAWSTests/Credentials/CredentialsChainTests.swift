import SoswAWS
import SoswSimulation
import Synchronization
import Testing

/// The default chain's order, what it reports when nothing is configured, and that it sticks to the source
/// that answered.
@Suite struct CredentialsChainTests {
    typealias Support = CredentialsTestSupport

    @Test func theEnvironmentComesFirst() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
            let chain = try Support.chain(
                environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s"], home: home)
            #expect(try await chain.credentials().accessKeyID == "AKIDENV")
        }
    }

    @Test func webIdentityComesBeforeTheProfile() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
            let token = home.write("token", "jwt")
            let chain = try Support.chain(
                environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": token, "AWS_ROLE_ARN": "arn:aws:iam::1:role/web"], home: home)
            #expect(try await chain.credentials().accessKeyID == "ASIA-web")
        }
    }

    @Test func theProfileComesBeforeTheContainer() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
            let chain = try Support.chain(
                environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/x"], home: home)
            #expect(try await chain.credentials().accessKeyID == "AKIDFILE")
        }
    }

    @Test func theInstanceIsLastAndItsSilenceIsReportedWithEveryOtherReason() async throws {
        try await TemporaryHome.with { home in
            let executor = SimExecutor(start: Support.start)
            let clock = executor.clock
            let silent = AnsweringTransport { _ in
                try await clock.sleep(for: .seconds(3600))
                return AnsweringTransport.text(200, "")
            }
            let config = try AWSSharedConfig.load(environment: [:], home: home.path)
            let chain = CredentialsChain.standard(
                context: Support.context(environment: [:], home: home.path, transport: silent, clock: clock),
                sharedConfig: config)
            let error = try executor.run { await Support.error { try await chain.credentials() } }
            #expect(
                error?.description
                    == "No AWS credentials: environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set; "
                    + "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set; "
                    + "profile 'default': \(home.credentialsFile) and \(home.configFile) not found; "
                    + "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are "
                    + "not set; instance metadata: no answer from 169.254.169.254 within 1 s. Set AWS_ACCESS_KEY_ID "
                    + "and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE to a profile of the shared files (e.g. written by "
                    + "`aws configure`), or run where a role is attached (container, instance).")
        }
    }

    @Test func anImplicitDefaultProfileMissingFromExistingFilesIsNamed() async throws {
        await TemporaryHome.with { home in
            home.write(".aws/config", "[profile other]\nregion = eu-west-1\n")
            let error = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            guard case .noCredentials(let tried)? = error else {
                Issue.record("expected the chain to end without credentials, got \(String(describing: error))")
                return
            }
            #expect(tried[2] == .unavailable(source: "profile 'default'", reason: "no [default] section in \(home.configFile)"))
        }
    }

    @Test func aBrokenSourceStopsTheChain() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n")
            let chain = try Support.chain(environment: ["AWS_SECRET_ACCESS_KEY": "s"], home: home)
            let error = await Support.error { try await chain.credentials() }
            #expect(error?.source == "environment")
            #expect(error?.isUnavailable == false)
        }
    }

    @Test func theSourceThatAnsweredIsAskedAgainWithoutTheOthers() async throws {
        let asked = Mutex<[String]>([])
        struct Recording: AWSCredentialsProvider {
            let name: String
            let asked: @Sendable (String) -> Void
            func credentials() throws(AWSCredentialsError) -> AWSCredentials {
                asked(name)
                guard name == "second" else { throw .unavailable(source: name, reason: "nothing here") }
                return AWSCredentials(accessKeyID: name, secretAccessKey: "s")
            }
        }
        let record: @Sendable (String) -> Void = { name in asked.withLock { $0.append(name) } }
        @Sendable func first() -> any AWSCredentialsProvider { Recording(name: "first", asked: record) }
        @Sendable func second() -> any AWSCredentialsProvider { Recording(name: "second", asked: record) }
        @Sendable func third() -> any AWSCredentialsProvider { Recording(name: "third", asked: record) }
        let chain = CredentialsChain([first, second, third])
        #expect(try await chain.credentials().accessKeyID == "second")
        #expect(try await chain.credentials().accessKeyID == "second")
        #expect(asked.withLock { $0 } == ["first", "second", "second"])
    }
}
