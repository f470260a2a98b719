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
        #expect(try provider.credentials().sessionToken == nil)
    }

    @Test func worksThroughTheProviderProtocol() async throws {
        let provider: any AWSCredentialsProvider = EnvironmentCredentialsProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret",
        ])
        #expect(try await provider.credentials().accessKeyID == "AKID")
    }

    @Test(arguments: [
        ([String: String](), ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]),
        (["AWS_SECRET_ACCESS_KEY": "secret"], ["AWS_ACCESS_KEY_ID"]),
        (["AWS_ACCESS_KEY_ID": "AKID"], ["AWS_SECRET_ACCESS_KEY"]),
        (["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": ""], ["AWS_SECRET_ACCESS_KEY"]),
    ])
    func aMissingVariableIsNamed(environment: [String: String], missing: [String]) {
        let error = #expect(throws: AWSConfigurationError.self) {
            try EnvironmentCredentialsProvider(environment: environment).credentials()
        }
        guard case .missingVariables(let names, _, _)? = error else {
            Issue.record("expected missingVariables, got \(String(describing: error))")
            return
        }
        #expect(names == missing)
        for name in missing { #expect(error?.description.contains(name) == true) }
        #expect(error?.description.contains("set") == true)
    }
}
