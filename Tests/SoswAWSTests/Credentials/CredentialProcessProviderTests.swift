import SoswAWS
import SoswCore
import Testing

/// `credential_process` commands, run for real through /bin/sh.
@Suite struct CredentialProcessProviderTests {
    static func provider(printing json: String) -> CredentialProcessProvider {
        CredentialProcessProvider(command: "printf '%s' '\(json)'", source: "profile 'p'")
    }

    @Test func readsTheDocumentWithItsTokenAndExpiration() async throws {
        let credentials = try await Self.provider(
            printing: #"{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "2026-01-05T03:00:00Z"}"#
        ).credentials()
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyID: "AKIDPROC", secretAccessKey: "s", sessionToken: "t",
                    expiration: UnixTime(iso8601: "2026-01-05T03:00:00Z")))
    }

    @Test func anExpirationWithAnOffsetIsUnderstood() async throws {
        let credentials = try await Self.provider(
            printing: #"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "2026-01-05T05:30:00+02:30"}"#
        ).credentials()
        #expect(credentials.expiration == UnixTime(iso8601: "2026-01-05T03:00:00Z"))
        #expect(credentials.sessionToken == nil)
    }

    @Test func aFailingCommandIsNamedWithItsExitStatusButNotWhatItPrinted() async {
        let provider = CredentialProcessProvider(command: "echo printed-$((40 + 2)); exit 3", source: "profile 'p'")
        let error = await CredentialsTestSupport.error { try await provider.credentials() }
        #expect(
            error
                == .failed(
                    source: "profile 'p'", reason: "credential_process `echo printed-$((40 + 2)); exit 3` exited with status 3"))
        #expect(error?.description.contains("printed-42") == false)
    }

    @Test(arguments: [
        (#"{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}"#, "its Version is missing or not 1"),
        (#"{"Version": 1, "AccessKeyId": "A"}"#, "it has no SecretAccessKey"),
        (#"{"Version": 1, "SecretAccessKey": "s"}"#, "it has no AccessKeyId"),
        (#"{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "tomorrow"}"#,
         "its Expiration 'tomorrow' is not an ISO 8601 time such as 2026-01-05T02:00:00Z"),
        ("AccessKeyId=A", "it is not a JSON object"),
    ])
    func anUnusableDocumentSaysWhichField(output: String, reason: String) async {
        let provider = Self.provider(printing: output)
        let error = await CredentialsTestSupport.error { try await provider.credentials() }
        #expect(
            error
                == .failed(
                    source: "profile 'p'",
                    reason: "credential_process `\(provider.command)` printed no usable credentials: \(reason)"))
    }
}
