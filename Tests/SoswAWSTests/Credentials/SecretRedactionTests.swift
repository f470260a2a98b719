import Foundation
import SoswAWS
import SoswSimulation
import Testing

/// Every kind of credentials error, each made from inputs that hold known secrets (keys, session tokens,
/// web identity and container tokens, the IMDS session token, an ECS task path, a URL password): none of the
/// secrets may appear in any text of any error.
@Suite struct SecretRedactionTests {
    typealias Support = CredentialsTestSupport

    static let secretKey = "wJalrXUtnFEMI-SECRET-KEY"
    static let sessionToken = "FwoGZXIvYXdzE-SESSION-TOKEN"
    static let webIdentityToken = "eyJhbGciOi-WEB-IDENTITY-TOKEN"
    static let containerToken = "CONTAINER-AUTHORIZATION-TOKEN"
    static let imdsToken = "IMDS-SESSION-TOKEN"
    static let taskPath = "/v2/credentials/TASK-PATH-SECRET"
    static let password = "URL-PASSWORD-hunter2"
    static let secrets = [secretKey, sessionToken, webIdentityToken, containerToken, imdsToken, taskPath, password]

    /// A credentials document holding the secret key and token, but unusable in the way `broken` says.
    static func document(_ broken: String) -> String {
        #"{"Version": 1, \#(broken) "SecretAccessKey": "\#(secretKey)", "SessionToken": "\#(sessionToken)", "Token": "\#(sessionToken)"}"#
    }

    /// Every text a person or a log could get from the error.
    static func texts(of error: any Error) -> [String] {
        [
            "\(error)", String(describing: error), String(reflecting: error), error.localizedDescription
        ]
    }

    static func expectNoSecret(in error: (any Error)?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("\(label): no error was thrown", sourceLocation: sourceLocation)
            return
        }
        for text in texts(of: error) {
            for secret in secrets where text.contains(secret) {
                Issue.record("\(label): '\(secret)' appears in \(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func credentialsPrintNoSecret() {
        let credentials = AWSCredentials(
            accessKeyID: "AKID", secretAccessKey: Self.secretKey, sessionToken: Self.sessionToken,
            expiration: Support.start)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, String(describing: credentials), String(reflecting: credentials), dumped] {
            #expect(!Self.secrets.contains { text.contains($0) }, "\(text)")
            #expect(text.contains("AKID"))
        }
    }

    @Test func environmentAndSharedFileErrors() async throws {
        let environment = #expect(throws: AWSCredentialsError.self) {
            try EnvironmentCredentialsProvider(environment: ["AWS_SECRET_ACCESS_KEY": Self.secretKey]).credentials()
        }
        Self.expectNoSecret(in: environment, "a secret without its key id in the environment")
        await TemporaryHome.with { home in
            home.write(".aws/credentials", "[default]\naws_secret_access_key \(Self.secretKey)\n")
            Self.expectNoSecret(
                in: #expect(throws: AWSConfigurationError.self) { try AWSSharedConfig.load(environment: [:], home: home.path) },
                "a broken line holding a secret")
            home.write(
                ".aws/credentials",
                "[default]\naws_secret_access_key = \(Self.secretKey)\naws_session_token = \(Self.sessionToken)\n")
            let profile = await Support.error { try await Support.chain(environment: [:], home: home).credentials() }
            Self.expectNoSecret(in: profile, "a profile with a secret and no key id")
        }
    }

    /// A command printing `text` without holding it: the error names the command, which is configuration,
    /// while what it prints is the secret.
    static func printing(_ text: String, then: String = "") -> String {
        "echo \(Data(text.utf8).base64EncodedString()) | base64 -d" + then
    }

    @Test func credentialProcessErrors() async {
        let commands = [
            "exit 1 after printing": Self.printing(Self.document(#""AccessKeyId": "A","#), then: "; exit 1"),
            "version 2": Self.printing(Self.document(#""AccessKeyId": "A", "Version": 2,"#)),
            "no key id": Self.printing(Self.document("")),
            "not JSON": Self.printing("SecretAccessKey=\(Self.secretKey)"),
        ]
        for (label, command) in commands.sorted(by: { $0.key < $1.key }) {
            #expect(!Self.secrets.contains { command.contains($0) })
            let provider = CredentialProcessProvider(command: command, source: "profile 'p'")
            Self.expectNoSecret(in: await Support.error { try await provider.credentials() }, "credential_process: \(label)")
        }
    }

    @Test func webIdentityErrorsDropTheTokenFromSTSText() async throws {
        try await TemporaryHome.with { home in
            let file = home.write("token", Self.webIdentityToken)
            let sts = FakeSTS(
                failingWith: AWSServiceError(
                    service: "STS", operation: "AssumeRoleWithWebIdentity", status: 400, code: "InvalidIdentityToken",
                    message: "token \(Self.webIdentityToken) is not valid", requestID: nil))
            let provider = try WebIdentityCredentialsProvider.fromEnvironment(
                context: Support.context(
                    environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": file, "AWS_ROLE_ARN": "arn:aws:iam::1:role/r"], sts: sts))
            let error = await Support.error { try await provider.credentials() }
            Self.expectNoSecret(in: error, "STS refusing the web identity token")
            #expect(error?.description.contains("InvalidIdentityToken") == true)
        }
    }

    @Test func containerErrors() throws {
        let environment = [
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": Self.taskPath,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": Self.containerToken,
        ]
        let answers: [(String, @Sendable (AWSHTTPRequest) throws -> AWSHTTPResponse)] = [
            ("a refusal echoing the request", { request in
                AnsweringTransport.text(403, "\(request.url) \(request.header("Authorization") ?? "") \(Self.document(""))")
            }),
            ("a document without a key id", { _ in AnsweringTransport.text(200, Self.document("")) }),
            ("a transport failure naming the URL and token", { request in
                throw HTTPTransportError(.connection, "GET \(request.url) with \(request.header("Authorization") ?? ""): reset")
            }),
        ]
        for (label, answer) in answers {
            let error = try Support.simulate { clock in
                let provider = try ContainerCredentialsProvider.fromEnvironment(
                    environment, transport: AnsweringTransport { try answer($0) }, clock: clock)
                return await Support.error { try await provider.credentials() }
            }.0
            Self.expectNoSecret(in: error, "container: \(label)")
        }
        var broken = environment
        broken["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = Self.containerToken + "\n"
        let provider = try ContainerCredentialsProvider.fromEnvironment(
            broken, transport: Support.noNetwork, clock: ContinuousClock())
        Self.expectNoSecret(
            in: try Support.simulate { _ in await Support.error { try await provider.credentials() } }.0,
            "container: a token with a line break")
    }

    @Test func instanceMetadataErrors() throws {
        let answers: [(String, @Sendable (AWSHTTPRequest) throws -> AWSHTTPResponse)] = [
            ("a failed Code with the document", { request in
                if request.method == "PUT" { return AnsweringTransport.text(200, Self.imdsToken) }
                if request.path.hasSuffix("/") { return AnsweringTransport.text(200, "role") }
                return AnsweringTransport.text(200, Self.document(#""Code": "Failure", "AccessKeyId": "A","#))
            }),
            ("a GET failing with the session token in its text", { request in
                if request.method == "PUT" { return AnsweringTransport.text(200, Self.imdsToken) }
                throw HTTPTransportError(.invalidRequest, "GET \(request.url) token \(request.header("X-aws-ec2-metadata-token") ?? "")")
            }),
            ("a refused GET", { request in
                if request.method == "PUT" { return AnsweringTransport.text(200, Self.imdsToken) }
                return AnsweringTransport.text(401, Self.imdsToken)
            }),
        ]
        for (label, answer) in answers {
            let error = try Support.simulate { clock in
                let provider = InstanceMetadataCredentialsProvider(transport: AnsweringTransport { try answer($0) }, clock: clock)
                return await Support.error { try await provider.credentials() }
            }.0
            Self.expectNoSecret(in: error, "instance metadata: \(label)")
        }
    }

    @Test func anEndpointURLWithAPasswordIsPrintedWithoutIt() {
        let error = #expect(throws: AWSConfigurationError.self) {
            try AWSEndpoint(url: "http://user:\(Self.password)@127.0.0.1:8000", variable: "AWS_ENDPOINT_URL")
        }
        Self.expectNoSecret(in: error, "an endpoint URL with user information")
        #expect(error?.description.contains("http://user:<redacted>@127.0.0.1:8000") == true)
    }

    @Test func theChainAndTheCachePassErrorsOnAsTheyAre() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/config", "[default]\ncredential_process = exit 7\n")
            let environment = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_SESSION_TOKEN": Self.sessionToken]
            let configuration = try AWSConfiguration.resolve(
                environment: environment.merging(["AWS_REGION": "eu-west-1"]) { $1 }, home: home.path,
                makeSTS: FakeSTS().factory, transport: Support.noNetwork, clock: ContinuousClock(),
                wallClock: SimExecutor(start: Support.start).clock)
            Self.expectNoSecret(
                in: await Support.error { try await configuration.credentials.credentials() }, "the chain behind the cache")
        }
    }
}
