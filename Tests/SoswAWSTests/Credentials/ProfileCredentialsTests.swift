import SoswAWS
import Testing

/// The shared files' profiles as a credential source: keys, roles assumed through STS (chained through
/// source profiles, or from a credential source), web identity, and the mistakes that must stop the chain.
@Suite struct ProfileCredentialsTests {
    typealias Support = CredentialsTestSupport

    @Test func theDefaultProfilesKeysAndToken() async throws {
        try await TemporaryHome.with { home in
            home.write(
                ".aws/credentials",
                "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\naws_session_token = t\n")
            let credentials = try await Support.chain(environment: [:], home: home).credentials()
            #expect(credentials == AWSCredentials(accessKeyID: "AKIDDEFAULT", secretAccessKey: "s", sessionToken: "t"))
        }
    }

    @Test func awsProfileSelectsTheProfile() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n")
            home.write(".aws/config", "[profile dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n")
            let credentials = try await Support.chain(environment: ["AWS_PROFILE": "dev"], home: home).credentials()
            #expect(credentials.accessKeyID == "AKIDDEV")
        }
    }

    @Test func aRoleIsAssumedWithTheSourceProfilesKeysAndItsSettings() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/credentials", "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n")
            home.write(
                ".aws/config",
                """
                [profile deploy]
                role_arn = arn:aws:iam::123456789012:role/deployer
                source_profile = base
                role_session_name = ci-run
                external_id = shared-id
                duration_seconds = 1800
                """)
            let sts = FakeSTS()
            let credentials = try await Support.chain(environment: ["AWS_PROFILE": "deploy"], home: home, sts: sts)
                .credentials()
            #expect(credentials == FakeSTS.credentials(of: "arn:aws:iam::123456789012:role/deployer"))
            #expect(sts.calls == [
                .init(
                    action: "AssumeRole", roleARN: "arn:aws:iam::123456789012:role/deployer", sessionName: "ci-run",
                    externalID: "shared-id", durationSeconds: 1800, signedWith: "AKIDBASE", region: "eu-west-1"),
            ])
        }
    }

    @Test func rolesChainThroughSourceProfilesAndKeysWinInASourceProfile() async throws {
        try await TemporaryHome.with { home in
            home.write(
                ".aws/config",
                """
                [profile top]
                role_arn = arn:aws:iam::1:role/top
                source_profile = middle
                [profile middle]
                role_arn = arn:aws:iam::1:role/middle
                source_profile = root
                [profile root]
                role_arn = arn:aws:iam::1:role/ignored-because-root-has-keys
                aws_access_key_id = AKIDROOT
                aws_secret_access_key = s
                """)
            let sts = FakeSTS()
            let credentials = try await Support.chain(environment: ["AWS_PROFILE": "top"], home: home, sts: sts)
                .credentials()
            #expect(credentials.accessKeyID == "ASIA-top")
            #expect(sts.calls.map(\.roleARN) == ["arn:aws:iam::1:role/middle", "arn:aws:iam::1:role/top"])
            #expect(sts.calls.map(\.signedWith) == ["AKIDROOT", "ASIA-middle"])
            #expect(sts.calls.allSatisfy { $0.sessionName == "sosw-1767578400" })
        }
    }

    @Test func aProfileMayBeItsOwnSourceWhenItHasKeys() async throws {
        try await TemporaryHome.with { home in
            home.write(
                ".aws/credentials",
                "[self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = s\nrole_arn = arn:aws:iam::1:role/r\n"
                    + "source_profile = self\n")
            let sts = FakeSTS()
            let credentials = try await Support.chain(environment: ["AWS_PROFILE": "self"], home: home, sts: sts)
                .credentials()
            #expect(credentials.accessKeyID == "ASIA-r")
            #expect(sts.calls.map(\.signedWith) == ["AKIDSELF"])
        }
    }

    @Test func aLoopOfSourceProfilesIsNamed() async throws {
        await TemporaryHome.with { home in
            home.write(
                ".aws/config",
                "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                    + "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n")
            let error = await Support.error {
                try await Support.chain(environment: ["AWS_PROFILE": "a"], home: home).credentials()
            }
            #expect(
                Self.misconfiguration(error)
                    == .init(
                        source: "profile 'b'", setting: "source_profile",
                        problem: "the profiles name each other in a loop: a → b → a"))
        }
    }

    @Test func credentialSourceEcsContainerSignsTheAssumeRole() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/task-role\ncredential_source = EcsContainer\n")
            let sts = FakeSTS()
            let transport = AnsweringTransport { _ in AnsweringTransport.credentialsDocument(accessKeyID: "ASIACONTAINER") }
            let chain = try Support.chain(
                environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"], home: home, sts: sts,
                transport: transport)
            #expect(try await chain.credentials().accessKeyID == "ASIA-task-role")
            #expect(sts.calls.map(\.signedWith) == ["ASIACONTAINER"])
            #expect(transport.sent.map(\.url) == ["http://169.254.170.2/v2/credentials/abc"])
        }
    }

    @Test func credentialSourceEc2InstanceMetadataMustBeAvailable() async throws {
        await TemporaryHome.with { home in
            home.write(
                ".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata\n")
            let error = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            #expect(
                Self.misconfiguration(error)
                    == .init(
                        source: "profile 'default'", setting: "credential_source",
                        problem: "Ec2InstanceMetadata is not available here: AWS_EC2_METADATA_DISABLED is true"))
        }
    }

    @Test func aProfilesWebIdentityTokenFileAssumesItsRole() async throws {
        try await TemporaryHome.with { home in
            home.write("token", "eyJ.profile.token\n")
            home.write(
                ".aws/config",
                "[default]\nrole_arn = arn:aws:iam::1:role/web\nweb_identity_token_file = ~/token\nrole_session_name = pod\n")
            let sts = FakeSTS()
            let credentials = try await Support.chain(environment: [:], home: home, sts: sts).credentials()
            #expect(credentials.accessKeyID == "ASIA-web")
            #expect(sts.calls == [
                .init(
                    action: "AssumeRoleWithWebIdentity", roleARN: "arn:aws:iam::1:role/web", sessionName: "pod",
                    webIdentityToken: "eyJ.profile.token", region: "eu-west-1"),
            ])
        }
    }

    @Test func aProfileWithACredentialProcessRunsIt() async throws {
        try await TemporaryHome.with { home in
            home.write(
                ".aws/config",
                #"[default]\#ncredential_process = printf '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s"}'\#n"#)
            let credentials = try await Support.chain(environment: [:], home: home).credentials()
            #expect(credentials.accessKeyID == "AKIDPROC")
        }
    }

    @Test func anUnknownNamedProfileStopsTheChainAndListsTheProfilesThere() async throws {
        await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n[prod]\n")
            let error = await Support.error {
                try await Support.chain(environment: ["AWS_PROFILE": "staging"], home: home).credentials()
            }
            #expect(
                error
                    == .misconfigured(
                        source: "profile 'staging'",
                        .profileNotFound(
                            profile: "staging", namedBy: "AWS_PROFILE", files: [home.credentialsFile, home.configFile],
                            available: ["default", "prod"])))
            #expect(error?.description.contains("profiles there: default, prod") == true)
        }
    }

    @Test(arguments: [
        ("[default]\naws_access_key_id = A\n", "aws_access_key_id", "aws_secret_access_key is missing"),
        ("[default]\nrole_arn = arn:aws:iam::1:role/r\n", "role_arn", "nothing says what credentials assume the role"),
        (
            "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = x\ncredential_source = Environment\n",
            "role_arn", "both source_profile and credential_source are set"
        ),
        ("[default]\nweb_identity_token_file = /t\n", "web_identity_token_file", "no role_arn says which role the token assumes"),
        (
            "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Laptop\n", "credential_source",
            "'Laptop' is not a credential source"
        ),
        (
            "[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\nduration_seconds = 60\n",
            "duration_seconds", "'60' is not a number of seconds STS accepts"
        ),
        ("[default]\nsso_session = corp\n", "sso_session", "IAM Identity Center (SSO) profiles are not supported"),
    ])
    func aMisconfiguredProfileSaysWhichSettingAndWhy(file: String, setting: String, problem: String) async throws {
        await TemporaryHome.with { home in
            home.write(".aws/credentials", file)
            let error = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            #expect(Self.misconfiguration(error) == .init(source: "profile 'default'", setting: setting, problem: problem))
            #expect(error?.description.contains("in profile 'default' (\(home.credentialsFile))") == true)
        }
    }

    /// What a misconfigured setting error says, without the `expected` part these tests do not pin down.
    struct Misconfiguration: Equatable {
        var source: String
        var setting: String
        var problem: String
    }

    static func misconfiguration(_ error: AWSCredentialsError?) -> Misconfiguration? {
        guard case .misconfigured(let source, .invalidSetting(let setting, _, let problem, _))? = error else { return nil }
        return Misconfiguration(source: source, setting: setting, problem: problem)
    }

    @Test func aSourceProfileWithoutCredentialsIsAMistake() async throws {
        await TemporaryHome.with { home in
            home.write(".aws/config", "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = bare\n[profile bare]\nregion = x\n")
            let error = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            #expect(
                Self.misconfiguration(error)
                    == .init(source: "profile 'default'", setting: "source_profile", problem: "profile 'bare' has no credentials"))
        }
    }

    @Test func aProfileWithoutCredentialsLetsTheChainGoOn() async throws {
        await TemporaryHome.with { home in
            home.write(".aws/config", "[default]\nregion = eu-west-1\n")
            let error = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            guard case .noCredentials(let tried)? = error else {
                Issue.record("expected the chain to go on, got \(String(describing: error))")
                return
            }
            #expect(tried.map(\.source) == ["environment", "web identity", "profile 'default'", "container", "instance metadata"])
            #expect(tried[2].description.contains("(\(home.configFile)) has no aws_access_key_id") == true)
        }
    }
}
