import SoswAWS
import Testing

@Suite struct EnvironmentCredentialsProviderTests {
    @Test func readsTheKeyPairAndTheToken() throws {
        let provider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "token",
        ])
        #expect(try provider.credentials()
            == AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"))
    }

    @Test func anEmptyTokenMeansLongTermCredentials() throws {
        let provider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "",
        ])
        let credentials = try provider.credentials()
        #expect(credentials.sessionToken == nil)
        #expect(credentials.expiration == nil)
    }

    @Test func worksThroughTheProviderProtocol() async throws {
        let provider: any AWSCredentialsProvider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret",
        ])
        #expect(try await provider.credentials().accessKeyID == "AKID")
    }

    @Test func neitherKeyMeansNotConfiguredHere() {
        let error = #expect(throws: AWSCredentialsError.self) {
            try EnvironmentCredentialsProvider(environment: ["AWS_ACCESS_KEY_ID": ""]).credentials()
        }
        #expect(error?.isUnavailable == true)
        #expect(error?.source == "environment")
        #expect(error?.description.contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set") == true)
    }

    @Test(arguments: [
        (["AWS_SECRET_ACCESS_KEY": "secret"], ["AWS_ACCESS_KEY_ID"]),
        (["AWS_ACCESS_KEY_ID": "AKID"], ["AWS_SECRET_ACCESS_KEY"]),
        (["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": ""], ["AWS_SECRET_ACCESS_KEY"]),
    ])
    func halfAKeyPairIsAMistakeThatNamesTheMissingVariable(environment: [String: String], missing: [String]) {
        let error = #expect(throws: AWSCredentialsError.self) {
            try EnvironmentCredentialsProvider(environment: environment).credentials()
        }
        guard case .misconfigured("environment", .missingVariables(let names, _, _))? = error else {
            Issue.record("expected a misconfigured environment, got \(String(describing: error))")
            return
        }
        #expect(names == missing)
        for name in missing { #expect(error?.description.contains("set \(name)") == true) }
    }
}
