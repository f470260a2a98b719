import SoswAWS
import Testing

/// `AWS_WEB_IDENTITY_TOKEN_FILE` and `AWS_ROLE_ARN` through STS AssumeRoleWithWebIdentity.
@Suite struct WebIdentityCredentialsProviderTests {
    typealias Support = CredentialsTestSupport

    @Test func theTokenIsReadAtEachCallAndSentWithTheRole() async throws {
        try await TemporaryHome.with { home in
            let file = home.write("token", "first-token\n")
            let sts = FakeSTS()
            let provider = try WebIdentityCredentialsProvider.fromEnvironment(
                context: Support.context(
                    environment: [
                        "AWS_WEB_IDENTITY_TOKEN_FILE": file, "AWS_ROLE_ARN": "arn:aws:iam::1:role/pod",
                        "AWS_ROLE_SESSION_NAME": "my-pod",
                    ],
                    sts: sts))
            #expect(try await provider.credentials() == FakeSTS.credentials(of: "arn:aws:iam::1:role/pod"))
            home.write("token", "rotated-token")
            _ = try await provider.credentials()
            #expect(sts.calls.map(\.webIdentityToken) == ["first-token", "rotated-token"])
            #expect(sts.calls.map(\.sessionName) == ["my-pod", "my-pod"])
            #expect(sts.calls.map(\.region) == ["eu-west-1", "eu-west-1"])
        }
    }

    @Test func withoutTheTokenFileVariableItIsNotConfigured() {
        let error = #expect(throws: AWSCredentialsError.self) {
            try WebIdentityCredentialsProvider.fromEnvironment(context: Support.context(environment: ["AWS_ROLE_ARN": "x"]))
        }
        #expect(error == .unavailable(source: "web identity", reason: "AWS_WEB_IDENTITY_TOKEN_FILE is not set"))
    }

    @Test func aTokenFileWithoutARoleIsAMistake() {
        let error = #expect(throws: AWSCredentialsError.self) {
            try WebIdentityCredentialsProvider.fromEnvironment(
                context: Support.context(environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token"]))
        }
        guard case .misconfigured("web identity", .missingVariables(["AWS_ROLE_ARN"], _, _))? = error else {
            Issue.record("expected AWS_ROLE_ARN to be named, got \(String(describing: error))")
            return
        }
    }

    @Test func aMissingTokenFileIsNamed() async throws {
        let provider = try WebIdentityCredentialsProvider.fromEnvironment(
            context: Support.context(environment: [
                "AWS_WEB_IDENTITY_TOKEN_FILE": "/nonexistent/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/pod",
            ]))
        let error = await Support.error { try await provider.credentials() }
        #expect(
            error
                == .failed(
                    source: "web identity",
                    reason: "the web identity token file names /nonexistent/token, which does not exist"))
    }
}
