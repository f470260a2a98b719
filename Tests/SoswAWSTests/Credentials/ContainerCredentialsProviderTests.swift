import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// The ECS / EKS Pod Identity credentials endpoint, on a scripted transport and virtual time.
@Suite struct ContainerCredentialsProviderTests {
    typealias Support = CredentialsTestSupport

    @Test func aRelativeURIGoesToTheTaskEndpoint() throws {
        let transport = AnsweringTransport { _ in AnsweringTransport.credentialsDocument() }
        let (credentials, _) = try Support.simulate { clock in
            try await ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/task-uuid"], transport: transport,
                clock: clock
            ).credentials()
        }
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyID: "ASIAENDPOINT", secretAccessKey: "endpoint-secret", sessionToken: "endpoint-token",
                    expiration: UnixTime(iso8601: "2026-01-05T03:00:00Z")))
        #expect(transport.sent.map(\.url) == ["http://169.254.170.2/v2/credentials/task-uuid"])
        #expect(transport.sent.first?.header("Authorization") == nil)
    }

    @Test func aFullURISendsTheTokenFromItsFileFirst() async throws {
        try await TemporaryHome.with { home in
            let tokenFile = home.write("eks-token", "file-token\n")
            let transport = AnsweringTransport { _ in AnsweringTransport.credentialsDocument() }
            _ = try Support.simulate { clock in
                try await ContainerCredentialsProvider.fromEnvironment(
                    [
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN": "variable-token",
                    ],
                    transport: transport, clock: clock
                ).credentials()
            }
            #expect(transport.sent.map(\.url) == ["http://169.254.170.23/v1/credentials"])
            #expect(transport.sent.first?.header("Authorization") == "file-token")
        }
    }

    @Test(arguments: [
        "http://127.0.0.1:8080/creds", "http://127.1.2.3/creds", "http://[::1]:9/creds", "http://localhost/creds",
        "https://credentials.example.com/creds", "http://[fd00:ec2::23]/creds",
    ])
    func fullURIsTheSDKsAllow(url: String) throws {
        let provider = try ContainerCredentialsProvider.fromEnvironment(
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url], transport: Support.noNetwork, clock: ContinuousClock())
        #expect(provider.path == "/creds")
    }

    @Test(arguments: ["http://credentials.example.com/creds", "http://10.0.0.1/creds", "http://127.0.0.1.example.com/"])
    func plainHTTPToAnotherHostIsRefused(url: String) {
        let error = #expect(throws: AWSCredentialsError.self) {
            try ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t"],
                transport: Support.noNetwork, clock: ContinuousClock())
        }
        guard case .misconfigured("container", .invalidSetting("AWS_CONTAINER_CREDENTIALS_FULL_URI", _, _, _))? = error
        else {
            Issue.record("expected the host to be refused, got \(String(describing: error))")
            return
        }
    }

    @Test func withoutEitherURIItIsNotConfigured() {
        let error = #expect(throws: AWSCredentialsError.self) {
            try ContainerCredentialsProvider.fromEnvironment([:], transport: Support.noNetwork, clock: ContinuousClock())
        }
        #expect(error?.isUnavailable == true)
    }

    @Test func aTokenWithALineBreakIsRefused() throws {
        let provider = try ContainerCredentialsProvider.fromEnvironment(
            [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t\r\nX-Injected: 1",
            ],
            transport: Support.noNetwork, clock: ContinuousClock())
        let (error, _) = try Support.simulate { _ in await Support.error { try await provider.credentials() } }
        guard case .misconfigured(_, .invalidSetting("AWS_CONTAINER_AUTHORIZATION_TOKEN", _, let problem, _))? = error else {
            Issue.record("expected the token to be refused, got \(String(describing: error))")
            return
        }
        #expect(problem == "the token contains a line break")
    }

    @Test func serverErrorsAreTriedThreeTimesOneSecondApart() throws {
        let transport = AnsweringTransport { _ in AnsweringTransport.text(503, "busy") }
        let (error, elapsed) = try Support.simulate { clock in
            let provider = try ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/task-uuid"], transport: transport,
                clock: clock)
            return await Support.error { try await provider.credentials() }
        }
        #expect(transport.sent.count == 3)
        #expect(elapsed == .seconds(2))
        #expect(error == .failed(source: "container", reason: "GET http://169.254.170.2 answered HTTP 503"))
    }

    @Test func anEndpointThatNeverAnswersTimesOutAfterTwoSecondsPerAttempt() throws {
        let (error, elapsed) = try Support.simulate { clock in
            let transport = AnsweringTransport { _ in
                try await clock.sleep(for: .seconds(3600))
                return AnsweringTransport.credentialsDocument()
            }
            let provider = try ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/task-uuid"], transport: transport,
                clock: clock)
            return await Support.error { try await provider.credentials() }
        }
        #expect(elapsed == .seconds(3 * 2 + 2 * 1))
        #expect(error == .failed(source: "container", reason: "GET http://169.254.170.2: no answer within 2 s"))
    }

    @Test func aRefusalIsReportedWithItsStatus() throws {
        let transport = AnsweringTransport { _ in AnsweringTransport.text(403, #"{"message":"token expired"}"#) }
        let (error, _) = try Support.simulate { clock in
            let provider = try ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:80/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t"],
                transport: transport, clock: clock)
            return await Support.error { try await provider.credentials() }
        }
        #expect(transport.sent.count == 1)
        #expect(
            error
                == .failed(
                    source: "container",
                    reason: "GET http://127.0.0.1:80 answered HTTP 403 (is the authorization token current?)"))
    }

    @Test func overARealSocketWithTheProductionTransport() async throws {
        let (credentials, refusal) = try await LocalCredentialsServer.with { port in
            let url = "http://127.0.0.1:\(port)/v1/credentials"
            let credentials = try await ContainerCredentialsProvider.fromEnvironment(
                [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": url,
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": LocalCredentialsServer.containerToken,
                ],
                transport: AsyncHTTPClientTransport(), clock: ContinuousClock()
            ).credentials()
            let wrongToken = try ContainerCredentialsProvider.fromEnvironment(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "stale"],
                transport: AsyncHTTPClientTransport(), clock: ContinuousClock())
            return (credentials, await Support.error { try await wrongToken.credentials() })
        }
        #expect(credentials.accessKeyID == "ASIALOCAL")
        #expect(credentials.sessionToken == "local-token")
        #expect(refusal?.description.contains("answered HTTP 403") == true)
    }
}
