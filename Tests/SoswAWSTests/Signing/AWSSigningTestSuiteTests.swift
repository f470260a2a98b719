import SoswAWS
import Testing

/// The signer against the AWS SigV4 test suite (aws-c-auth), each result checked on its own so a failure says
/// which stage diverged: canonicalisation, string to sign, or key derivation.
@Suite struct AWSSigningTestSuiteTests {
    @Test func theSuiteIsCheckedIn() {
        #expect(AWSSigningTestSuiteCase.names.count == 38)
        for required in [
            "get-vanilla", "get-vanilla-query-order-key-case", "get-header-value-trim", "get-unreserved", "get-utf8",
            "post-x-www-form-urlencoded", "get-header-key-duplicate", "get-slashes-normalized",
            "post-sts-header-before", "post-sts-header-after",
        ] {
            #expect(AWSSigningTestSuiteCase.names.contains(required), "missing case \(required)")
        }
    }

    @Test(arguments: AWSSigningTestSuiteCase.names)
    func canonicalRequest(_ name: String) throws {
        let testCase = try AWSSigningTestSuiteCase(name: name)
        let signed = try testCase.signer.sign(testCase.request, at: testCase.time)
        #expect(signed.canonicalRequest == testCase.expectedCanonicalRequest)
    }

    @Test(arguments: AWSSigningTestSuiteCase.names)
    func stringToSign(_ name: String) throws {
        let testCase = try AWSSigningTestSuiteCase(name: name)
        let signed = try testCase.signer.sign(testCase.request, at: testCase.time)
        #expect(signed.stringToSign == testCase.expectedStringToSign)
    }

    @Test(arguments: AWSSigningTestSuiteCase.names)
    func signature(_ name: String) throws {
        let testCase = try AWSSigningTestSuiteCase(name: name)
        let signed = try testCase.signer.sign(testCase.request, at: testCase.time)
        #expect(signed.signature == testCase.expectedSignature)
        #expect(signed.authorization == testCase.expectedAuthorization)
    }

    /// What the server side sees: the signed request, as sent, passes the verifier with the same key.
    @Test(arguments: AWSSigningTestSuiteCase.names)
    func verifierAcceptsTheSignedRequest(_ name: String) throws {
        let testCase = try AWSSigningTestSuiteCase(name: name)
        let signed = try testCase.signer.sign(testCase.request, at: testCase.time)
        let verifier = SigV4Verifier(credentials: [testCase.signer.credentials], options: testCase.signer.options)
        let authorization = try verifier.verify(signed.apply(to: testCase.request), now: testCase.time)
        #expect(authorization.signature == testCase.expectedSignature)
    }
}
